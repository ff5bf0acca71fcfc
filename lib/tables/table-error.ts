/** A file that is not what an import expects; the message, in Vietnamese, says what to fix. */
export class TableFormatError extends Error {}
