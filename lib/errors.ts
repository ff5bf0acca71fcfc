/** A request parameter the caller got wrong; `param` names it, the message says how to fix it. */
export class InvalidParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** What was asked for does not exist; the message says what was looked for. */
export class NotFoundError extends Error {}

/** The signed-in user may not do this to this unit; nothing was written. */
export class ForbiddenError extends Error {}

/**
 * A write made for another user (a save kept on a shared device for the account that was
 * signed in then) reached the server under this session: refused, nothing written. The
 * parameter lets the device keep it for its owner instead of dropping it as refused.
 */
export class OtherOwnerError extends ForbiddenError {
  readonly param = "owner";
}

/** The request is well-formed but the record is locked (an approved week); nothing was written. */
export class LockedError extends Error {}

/** Nobody is signed in, or the session ended (user disabled, role changed). */
export class UnauthenticatedError extends Error {
  constructor() {
    super("Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.");
  }
}

/** Too much work asked at once (by this address, or by everyone): try again after `retryAfterSeconds`. */
export class TooBusyError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The request is well-formed but would take more work than anyone may ask of the server at
 * once (a ranking past its cost ceiling): the message says how to ask for less.
 */
export class TooCostlyError extends Error {}

/** The request conflicts with what is already recorded (e.g. a request id another user used). */
export class ConflictError extends Error {}

/**
 * The status and the stable, machine-readable code each of the product's own errors answers
 * with; its message is meant for the user and may change. The first type an error is an
 * instance of wins (OtherOwnerError before the ForbiddenError it extends).
 */
const ANSWER_OF_ERROR = [
  [InvalidParamError, 400, "invalid_param"],
  [UnauthenticatedError, 401, "unauthenticated"],
  [OtherOwnerError, 403, "other_owner"],
  [ForbiddenError, 403, "forbidden"],
  [NotFoundError, 404, "not_found"],
  [ConflictError, 409, "conflict"],
  [LockedError, 423, "locked"],
  [TooCostlyError, 422, "too_costly"],
  [TooBusyError, 429, "too_busy"],
] as const satisfies readonly (readonly [new (...args: never[]) => Error, number, string])[];

/**
 * Every code an error answer may carry, with what it means: the product's own errors above,
 * the front door's refusals (lib/http/front-door.ts), a route's refusal of a write's form
 * (lib/api/signed-in-route.ts), and a failure of the server itself.
 */
export const ERROR_CODES = {
  invalid_param: "A parameter is wrong; `param` names it.",
  unauthenticated: "Nobody is signed in, or the session ended.",
  other_owner: "A write saved for another account reached this session; `param` is owner.",
  forbidden: "The signed-in user may not do this.",
  not_found: "What was asked for does not exist.",
  conflict: "The request conflicts with what is already recorded.",
  locked: "The record is locked (an approved week).",
  too_costly: "The request would take more work than anyone may ask at once: ask for less.",
  too_busy: "Too much asked at once: try again after Retry-After seconds.",
  url_too_long: "The address is longer than the server reads.",
  bad_encoding: "The address has an invalid percent (%) escape.",
  nul_character: "The address holds a NUL character (%00).",
  repeated_param: "A query parameter is written more than once.",
  bad_content_length: "Content-Length is not a whole number of bytes.",
  body_too_large: "The body is larger than the server reads.",
  cross_site_write: "A write that did not come from this site.",
  bad_action_body: "A page's server action body the server cannot decode.",
  unsupported_content_type: "A write's body is not of the content type the route reads; `param` is content-type.",
  invalid_body: "A write's body does not decode; `param` is body.",
  internal: "The server failed; try again later.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** What the user is told about one of the product's own errors; null for anything else (a bug: 500). */
export type ErrorAnswer = {
  status: number;
  code: ErrorCode;
  param?: string;
  message: string;
  retryAfterSeconds?: number;
};

export function answerOf(error: unknown): ErrorAnswer | null {
  const known = ANSWER_OF_ERROR.find(([type]) => error instanceof type);
  if (!known) return null;
  return {
    status: known[1],
    code: known[2],
    message: (error as Error).message,
    ...(error instanceof InvalidParamError || error instanceof OtherOwnerError ? { param: error.param } : {}),
    ...(error instanceof TooBusyError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}
