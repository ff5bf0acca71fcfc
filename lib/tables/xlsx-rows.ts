import "server-only";
import { formatCount } from "@/lib/format/numbers";
import { TableFormatError } from "./table-error";
import { type Archive, type ArchiveBounds, feedPart, openArchive, SAVE_AGAIN, type XmlHandlers } from "./xlsx-archive";
import { type Book, readBook } from "./xlsx-book";

/** One row of the sheet: its number as Excel shows it, and its cells' text by column (index 0 is A; gaps unset). */
export type SheetRow = { number: number; cells: string[] };

export type XlsxBounds = ArchiveBounds & { columns: number; cellChars: number; recordChars: number };

/** The parse of one <c> element; `text` stays null until it has a value (<v> or <is>). */
type Cell = { column: number; type: string; style: number; formula: boolean; text: string | null };

/**
 * Streams the rows of an .xlsx file's first sheet. Everything the rows depend on (the workbook, its
 * date system, shared strings, styles) is read first, from the archive's directory, so the result
 * never depends on the order of the parts in the zip. The sheet is never held whole: the rows parsed
 * from one decompressed chunk (64 KiB at most) are handed on before the next is read; returning early
 * closes the archive.
 */
export async function* xlsxRows(input: { path: string } | { buffer: Buffer }, bounds: XlsxBounds) {
  const archive = await openArchive(input, bounds);
  try {
    const book = await readBook(archive, bounds.recordChars);
    yield* sheetRows(archive, book, bounds);
  } finally {
    archive.zip.close();
  }
}

/** The first sheet's rows, parsed as its part streams in; a cell's text is checked as it grows. */
function sheetRows(archive: Archive, book: Book, bounds: XlsxBounds) {
  const ready: SheetRow[] = []; // rows completed by the chunk just parsed
  let inData = false;
  let row: SheetRow | null = null;
  let rowStyle = Number.NaN;
  let cell: Cell | null = null;
  let previousRow = 0;
  let previousColumn = 0;
  let collect = false;
  let phonetic = 0;

  const tooLong = (line: number, column: number) =>
    new TableFormatError(
      `dòng ${line}, cột thứ ${column}: ô dài hơn ${formatCount(bounds.recordChars)} ký tự, nhiều nhất ${formatCount(bounds.cellChars)}.`,
    );
  const handlers: XmlHandlers = {
    runLimit: bounds.recordChars * 10 + 1024, // room for a cell's text written as character references
    tooLong: () => {
      if (row && cell) throw tooLong(row.number, cell.column);
      throw new TableFormatError(
        `không đọc được tệp Excel: trang tính có đoạn dài hơn ${formatCount(bounds.recordChars * 10)} ký tự liền; ${SAVE_AGAIN}.`,
      );
    },
    open(name, a) {
      if (name === "sheetData") inData = true;
      else if (!inData) return;
      else if (name === "row") {
        const number = Number.parseInt(a.r ?? "", 10);
        previousRow = number > 0 ? number : previousRow + 1;
        row = { number: previousRow, cells: [] };
        // A cell without its own style takes its row's, as exceljs did.
        rowStyle = a.s === undefined ? Number.NaN : Number.parseInt(a.s, 10);
        previousColumn = 0;
      } else if (name === "c" && row) {
        previousColumn = columnOf(a.r) ?? previousColumn + 1;
        const style = Number.parseInt(a.s ?? "", 10) || rowStyle;
        cell = { column: previousColumn, type: a.t ?? "n", style, formula: false, text: null };
      } else if (cell && row) {
        // A value past the last column is refused before any of it is kept; empty formatted cells there are not values.
        if ((name === "v" || name === "is" || name === "f") && cell.column > bounds.columns)
          throw new TableFormatError(
            `dòng ${row.number}: có ô ở cột thứ ${cell.column}, nhiều nhất ${bounds.columns} cột.`,
          );
        if (name === "f") cell.formula = true;
        else if (name === "v") {
          cell.text = "";
          collect = true;
        } else if (name === "is") cell.text = "";
        else if (name === "rPh") phonetic++;
        else if (name === "t") collect = cell.text !== null && phonetic === 0;
      }
    },
    text(value) {
      if (!collect || !cell || cell.text === null || !row) return;
      cell.text += value;
      if (cell.text.length > bounds.recordChars) throw tooLong(row.number, cell.column);
    },
    close(name) {
      if (name === "v" || name === "t") collect = false;
      else if (name === "rPh") phonetic--;
      else if (name === "c" && cell && row) {
        if (cell.text !== null || cell.formula) {
          const text = cellText(cell, book);
          if (text.length > bounds.recordChars) throw tooLong(row.number, cell.column);
          row.cells[cell.column - 1] = text;
        }
        cell = null;
      } else if (name === "row" && row) {
        ready.push(row);
        row = null;
      } else if (name === "sheetData") inData = false;
    },
  };
  return (async function* () {
    for await (const _ of feedPart(archive, book.sheet, handlers)) {
      for (const done of ready) yield done;
      ready.length = 0;
    }
  })();
}

/** Column number of a cell reference ("C7" is 3), or null without one; stops counting once past any sheet. */
function columnOf(ref: string | undefined): number | null {
  if (!ref) return null;
  let column = 0;
  for (let i = 0; i < ref.length && column <= 16_384; i++) {
    const letter = (ref.charCodeAt(i) | 0x20) - 0x60; // a–z and A–Z as 1–26
    if (letter < 1 || letter > 26) break;
    column = column * 26 + letter;
  }
  return column || null;
}

/** A cell's text as the import reads it (what exceljs gave, trimmed): strings, numbers, dates as YYYY-MM-DD. */
function cellText(cell: Cell, book: Book): string {
  if (cell.text === null) return ""; // a formula never calculated
  const raw = cell.text.trim();
  switch (cell.type) {
    case "s":
      return (book.strings[Number.parseInt(raw, 10)] ?? "").trim();
    case "str":
    case "inlineStr":
      return raw;
    case "b":
      return String(Number.parseInt(raw, 10) !== 0);
    case "e":
      return ""; // #N/A, #DIV/0!: no value
    case "d":
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
  }
  const number = Number.parseFloat(raw);
  if (book.dateStyles[cell.style]) {
    // Serial days from 1899-12-30 (or 1904-01-01); 25569 is 1970-01-01. exceljs's arithmetic, to the millisecond.
    const date = new Date(Math.round((number - 25_569 + (book.date1904 ? 1_462 : 0)) * 86_400_000));
    if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
  }
  return String(number);
}
