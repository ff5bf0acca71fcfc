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

/** The request conflicts with what is already recorded (e.g. a request id another user used). */
export class ConflictError extends Error {}
