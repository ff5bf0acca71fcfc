/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection"): unit names and
 * directives are typed by users. Such text is written with a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. Numbers are never touched.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
