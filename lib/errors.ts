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
