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

/** The status each of the product's own errors answers with; its message is meant for the user. */
const STATUS_OF_ERROR: [new (...args: never[]) => Error, number][] = [
  [InvalidParamError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [LockedError, 423],
  [TooCostlyError, 422],
  [TooBusyError, 429],
];

/** What the user is told about one of the product's own errors; null for anything else (a bug: 500). */
export type ErrorAnswer = { status: number; param?: string; message: string; retryAfterSeconds?: number };

export function answerOf(error: unknown): ErrorAnswer | null {
  const known = STATUS_OF_ERROR.find(([type]) => error instanceof type);
  if (!known) return null;
  return {
    status: known[1],
    message: (error as Error).message,
    ...(error instanceof InvalidParamError || error instanceof OtherOwnerError ? { param: error.param } : {}),
    ...(error instanceof TooBusyError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}
