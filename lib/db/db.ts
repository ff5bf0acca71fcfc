import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * What a data function needs of the database: the process's Prisma client or the transaction
 * client handed to `$transaction(async (tx) => …)`. Services take it as their first argument,
 * so the caller decides whether the work joins a transaction.
 */
export type Db = Pick<PrismaClient, "$executeRaw" | "$queryRaw">;
