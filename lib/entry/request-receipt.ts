import type { Db } from "@/lib/series/refresh-series";

/**
 * Claims a request id inside the write transaction. Returns null for a new request, or the
 * answer first given to it when the same request comes again (double click, retry after a
 * timeout). A concurrent replay waits on the first one's row and then sees its answer.
 */
export async function claimRequest<T>(tx: Db, requestId: string, userId: number): Promise<T | null> {
  const claimed = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO request_receipt (request_id, user_id, response) VALUES ($1::uuid, $2, 'null'::jsonb)
     ON CONFLICT (request_id) DO NOTHING RETURNING 1`,
    requestId,
    userId,
  );
  if (claimed.length) return null;
  const earlier = await tx.$queryRawUnsafe<{ user_id: number; response: T }[]>(
    `SELECT user_id, response FROM request_receipt WHERE request_id = $1::uuid`,
    requestId,
  );
  // Another user's id: refuse rather than reveal their answer.
  if (!earlier[0] || earlier[0].user_id !== userId) throw new Error("requestId đã được dùng cho một yêu cầu khác.");
  return earlier[0].response;
}

export async function recordResponse(tx: Db, requestId: string, response: unknown): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE request_receipt SET response = $2::jsonb WHERE request_id = $1::uuid`,
    requestId,
    JSON.stringify(response),
  );
}
