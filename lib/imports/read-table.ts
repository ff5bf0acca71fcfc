import { createReadStream } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

/** One data row, by lower-cased header, with the line number a spreadsheet user sees. */
export type TableRow = { line: number; values: Record<string, string> };

export class TableFormatError extends Error {}

/**
 * Streams the rows of a CSV or Excel (.xlsx, first sheet) file, so a national file never
 * sits in memory twice. Cells are returned as text: dates as YYYY-MM-DD, numbers as written.
 */
export async function* readTable(
  input: { path: string } | { stream: Readable; fileName: string },
  requiredColumns: readonly string[],
): AsyncGenerator<TableRow> {
  const fileName = "path" in input ? input.path : input.fileName;
  const stream = "path" in input ? createReadStream(input.path) : input.stream;
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".csv") yield* readCsv(stream, requiredColumns);
  else if (ext === ".xlsx") yield* readXlsx(stream, requiredColumns);
  else throw new TableFormatError(`Tệp ${path.basename(fileName)}: chỉ nhận .csv hoặc .xlsx.`);
}

function checkHeader(header: string[], required: readonly string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) {
    throw new TableFormatError(
      `dòng 1: thiếu cột ${missing.join(", ")} (cần đủ các cột: ${required.join(",")}; có: ${names.join(",") || "không có"})`,
    );
  }
  return names;
}

async function* readCsv(stream: Readable, required: readonly string[]): AsyncGenerator<TableRow> {
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = checkHeader(record, required);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (record[i] ?? "").trim();
    });
    yield { line: info.lines, values };
  }
  if (!header) throw new TableFormatError(`dòng 1: tệp rỗng (cần các cột: ${required.join(",")})`);
}

async function* readXlsx(stream: Readable, required: readonly string[]): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    let header: string[] | null = null;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (cells.every((c) => c === "")) continue;
      if (!header) {
        header = checkHeader(cells, required);
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => {
        values[name] = cells[i] ?? "";
      });
      yield { line: row.number, values };
    }
    if (!header) throw new TableFormatError(`dòng 1: trang tính đầu tiên rỗng (cần các cột: ${required.join(",")})`);
    return; // only the first sheet
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    return "";
  }
  return String(value).trim();
}
