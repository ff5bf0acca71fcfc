import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { type AuditRecord, writeAudit } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import { retryOnDeadlock } from "@/lib/db/retry-on-deadlock";
import { InvalidParamError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { refreshSeries } from "@/lib/series/refresh-series";
import { claimRequest, recordResponse } from "./request-receipt";

// Every write a user can repeat (a double click, a retry after a timeout, a form sent again
// from a device that was offline) goes through this pipeline, so each gets the same
// guarantees: the request id is claimed in the write's transaction and a replay returns the
// first answer; the change and its audit entries commit together; the rankings' read model
// and the data version follow in the same transaction; deadlocks are retried.

/** What a write did: the answer for the user, its audit entries, and what the read model must follow. */
export type WriteResult<T> = {
  outcome: T;
  audit?: AuditRecord[];
  /** Figures changed: their units' series are recomputed from `from` on. */
  series?: { unitIds: number[]; indicatorIds: number[]; from: Date };
  /** What a replay answers, when it must not repeat all of the first answer (a one-time password). */
  replayAnswer?: object;
  /** Data the public pages show changed (targets): caches must not serve the old. */
  dataChanged?: boolean;
};

/**
 * Thrown inside a write to roll it back and answer `outcome` instead (someone changed what the
 * user read: their conflicts). The request id is released with the rollback, so the user can
 * resolve the conflicts and send again.
 */
export class RefusedWrite<T> extends Error {
  constructor(readonly outcome: T) {
    super("refused");
  }
}

/**
 * Runs `write` once per request id: in one transaction with the request's receipt, the
 * write's audit entries, the read model's refresh and the data version. A replayed request
 * answers what the first one answered, marked `replayed: true`.
 */
export async function idempotentWrite<T extends object>(
  prisma: PrismaClient,
  request: { actor: Actor; requestId: string },
  write: (tx: Prisma.TransactionClient) => Promise<WriteResult<T>>,
): Promise<T> {
  try {
    return await retryOnDeadlock(() =>
      prisma.$transaction(
        async (tx) => {
          const earlier = await claimRequest<T>(tx, request.requestId, request.actor.id);
          if (earlier) return { ...earlier, replayed: true } as T;
          const result = await write(tx);
          await writeAudit(tx, { actor: request.actor.username, requestId: request.requestId }, result.audit ?? []);
          await recordResponse(tx, request.requestId, result.replayAnswer ?? result.outcome);
          // Last, so the read model's locks (shared with sibling units' writes) are held briefly.
          if (result.series?.unitIds.length) await refreshSeries(tx, result.series);
          if (result.series?.unitIds.length || result.dataChanged) await bumpDataVersion(tx);
          return result.outcome;
        },
        { timeout: 60_000, maxWait: 30_000 },
      ),
    );
  } catch (error) {
    if (error instanceof RefusedWrite) return error.outcome as T;
    throw error;
  }
}

/** The HTTP status of a write's outcome: 409 when it was refused for conflicts, else 200. */
export function outcomeStatus(outcome: { status?: string }): number {
  return outcome.status === "conflict" ? 409 : 200;
}

/** Parses a request body with its schema, or throws a 400 naming the first field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidParamError(issue?.path.join(".") || "body", issue?.message ?? "Dữ liệu gửi lên không hợp lệ.");
}
