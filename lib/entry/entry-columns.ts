// The entry sheet's columns: one per counted indicator; a numerator and a denominator side by
// side for RATIO and CHECKLIST. The denominator's column key cannot clash with an indicator
// code (codes are A–Z, 0–9 and _).

export function denominatorColumn(code: string): string {
  return `${code}/den`;
}

/** One column of the entry sheet. */
export type EntryColumn = {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  /** A numerator's or denominator's column: the indicator's own name, in each language. */
  baseName?: string;
  baseNameEn?: string;
  /** On a numerator's column: the key of its denominator's column. */
  denominatorColumn?: string;
  /** On a denominator's column: the indicator it belongs to. */
  denominatorOf?: string;
};
