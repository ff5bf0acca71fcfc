/**
 * What a printed page says at its foot, on every page: the source and the date of the figures
 * (left) and the page number (right), in the page's margin (CSS page-margin boxes). Written
 * as CSS strings: every character that could end a string or the style element is escaped.
 */
export function PrintFooter({ text, pageWord, ofWord }: { text: string; pageWord: string; ofWord: string }) {
  const look = "font-size: 8pt; color: #475569;";
  const css = `@media print { @page {
  @bottom-left { content: ${cssString(text)}; ${look} }
  @bottom-right { content: ${cssString(`${pageWord} `)} counter(page) ${cssString(ofWord)} counter(pages); ${look} }
} }`;
  return <style>{css}</style>;
}

/** A CSS string literal of `text`: quotes and backslashes escaped, control characters and < > as hex escapes. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\p{Cc}<>]/gu, (c) => `\\${(c.codePointAt(0) as number).toString(16)} `);
  return `"${escaped}"`;
}
