import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./client";
import { READ_TARGET_HEADER, readTarget } from "./read-replicas";

const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token/;

/**
 * The database for a public request's reads (leaderboard, unit pages, public API, exports):
 * a streaming replica when DATABASE_REPLICA_URL names a usable one, else the primary. A
 * signed-in user reads the primary, so what they just saved is already there; an anonymous
 * page reads the replica the page cache took its data version from. Call it once per request.
 */
export function publicReadDb(requestHeaders: Headers): PrismaClient {
  if (SESSION_COOKIE.test(requestHeaders.get("cookie") ?? "")) return db();
  return readTarget(requestHeaders.get(READ_TARGET_HEADER)).client ?? db();
}
