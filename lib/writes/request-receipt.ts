import "server-only";
import type { Db } from "@/lib/db/db";
import { ConflictError } from "@/lib/errors";

/**
 * Claims a request id inside the write transaction. Returns null for a new request, or the
 * answer first given to it when the same request comes again (double click, retry after a
 * timeout). A concurrent replay waits on the first one's row and then sees its answer.
 * Another user's id is refused (409) without revealing their answer.
 */
export async function claimRequest<T>(tx: Db, requestId: string, userId: number): Promise<T | null> {
  const claimed = await tx.$queryRaw<unknown[]>`
    INSERT INTO request_receipt (request_id, user_id, response) VALUES (${requestId}::uuid, ${userId}, 'null'::jsonb)
    ON CONFLICT (request_id) DO NOTHING RETURNING 1`;
  if (claimed.length) return null;
  const earlier = await tx.$queryRaw<{ user_id: number; response: T }[]>`
    SELECT user_id, response FROM request_receipt WHERE request_id = ${requestId}::uuid`;
  if (!earlier[0] || earlier[0].user_id !== userId)
    throw new ConflictError("requestId này đã được dùng cho một yêu cầu khác; tải lại trang để gửi với mã mới.");
  return earlier[0].response;
}

export async function recordResponse(tx: Db, requestId: string, response: unknown): Promise<void> {
  await tx.$executeRaw`
    UPDATE request_receipt SET response = ${JSON.stringify(response)}::jsonb WHERE request_id = ${requestId}::uuid`;
}
