import type { ErrorCode } from "@/lib/errors";

/**
 * What a data-entry server action answers: the service's outcome with the HTTP status the
 * JSON API gives for it (200, 409 for conflicts), or the error the user must fix. The same
 * services run behind both, so a form and a machine client get the same answers.
 */
export type ActionResult<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; status: number; error: { code: ErrorCode; param?: string; message: string } };
