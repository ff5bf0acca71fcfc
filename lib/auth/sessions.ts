import "server-only";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How long a session lasts without signing in again (the cookie's own lifetime too). */
export const SESSION_HOURS = 12;

/** Opens a session for a user who just signed in; its id goes into the session cookie. */
export async function openSession(prisma: PrismaClient, userId: number): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = Date.now();
  await prisma.$transaction([
    // Sessions long past their end are of no use to anyone: drop them as new ones open.
    prisma.userSession.deleteMany({ where: { expiresAt: { lt: new Date(now - 24 * 3600_000) } } }),
    prisma.userSession.create({ data: { id, userId, expiresAt: new Date(now + SESSION_HOURS * 3600_000) } }),
  ]);
  return id;
}

/** Signing out: the session's cookie stops working at once, wherever it is kept. */
export async function revokeSession(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.userSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * The user of a live session: neither revoked nor expired, the user enabled and their
 * session version unchanged (a new role, unit or password ends older sessions). Null otherwise.
 */
export async function sessionUser(
  prisma: PrismaClient,
  session: { id: string; userId: number; sessionVersion: number },
) {
  const found = await prisma.userSession.findUnique({ where: { id: session.id }, include: { user: true } });
  if (!found || found.revokedAt || found.expiresAt.getTime() <= Date.now()) return null;
  const user = found.user;
  if (user.id !== session.userId || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  return user;
}
