/** How long the reason of an unlock or a return may be, in characters: the service checks it, the form's field says it. */
export const UNLOCK_REASON = { min: 3, max: 500 } as const;
