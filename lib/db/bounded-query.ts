import "server-only";
import { TooCostlyError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Sql } from "./sql";

/** What a read that anyone may ask for is allowed to cost, and who may call it off. */
export type CostCeiling = {
  /** PostgreSQL stops the statement after this long (statement_timeout, local to its transaction). */
  timeoutMs: number;
  /** Aborted when nobody waits for the answer any more: the running statement is cancelled. */
  signal?: AbortSignal;
  /** What the user is told when the ceiling is reached: how to ask for less. */
  tooCostly: string;
};

const QUERY_CANCELED = "57014";

/**
 * Runs one read under a cost ceiling, or as it is when there is none (the command line).
 * The statement runs in a transaction of its own whose statement_timeout is set first, so a
 * pooled connection never keeps the limit; its backend's pid is read in the same round trip,
 * so a request whose clients have all gone away cancels it (pg_cancel_backend, from another
 * connection of the same pool, as the same role) instead of letting it run to the end.
 */
export async function boundedQuery<T>(prisma: PrismaClient, query: Sql, ceiling?: CostCeiling): Promise<T> {
  if (!ceiling) return prisma.$queryRaw<T>(query);
  const { timeoutMs, signal } = ceiling;
  if (signal?.aborted) throw new TooCostlyError(ceiling.tooCostly);
  try {
    return await prisma.$transaction(
      async (tx) => {
        const [backend] = await tx.$queryRaw<{ pid: number }[]>`
          SELECT pg_backend_pid() AS pid, set_config('statement_timeout', ${String(timeoutMs)}, true)`;
        const pid = backend?.pid ?? 0;
        const cancel = () => void prisma.$queryRaw`SELECT pg_cancel_backend(${pid}::int)`.catch(() => undefined);
        signal?.addEventListener("abort", cancel, { once: true });
        try {
          return await tx.$queryRaw<T>(query);
        } finally {
          signal?.removeEventListener("abort", cancel);
        }
      },
      // Prisma's own limits sit above PostgreSQL's, which is the one that stops the work.
      { maxWait: timeoutMs, timeout: timeoutMs + 5_000 },
    );
  } catch (error) {
    if (isCancelled(error)) throw new TooCostlyError(ceiling.tooCostly);
    throw error;
  }
}

function isCancelled(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return text.includes(QUERY_CANCELED) || /canceling statement due to (statement timeout|user request)/.test(text);
}
