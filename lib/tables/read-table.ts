import "server-only";
import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { formatCount } from "@/lib/format/numbers";
import { TableFormatError } from "./table-error";
import { xlsxRows } from "./xlsx-rows";

export { TableFormatError };

/** One data row, by lower-cased header, with the line number a spreadsheet user sees. */
export type TableRow = { line: number; values: Record<string, string> };

/** What a file may hold, whoever sends it: the limits are far above any real file of this program. */
export const TABLE_LIMITS = {
  /** Data rows (a national weekly file is a few tens of thousands). */
  rows: 2_000_000,
  columns: 100,
  /** Characters in one cell, and in one CSV record. */
  cellChars: 1_000,
  recordChars: 64 * 1024,
  /** An .xlsx is a zip: entries, and bytes once decompressed (all and per entry). */
  zipEntries: 1_000,
  unzippedBytes: 512 * 1024 * 1024,
  unzippedEntryBytes: 256 * 1024 * 1024,
};

type Source = { path: string } | { buffer: Buffer; fileName: string };

/**
 * Streams the rows of a CSV or Excel (.xlsx, first sheet) file, so a national file never
 * sits in memory twice. Cells are returned as text: dates as YYYY-MM-DD, numbers as written.
 * Every bound in TABLE_LIMITS is checked as the file is read; a file past one, or one that
 * is not what its name says, throws TableFormatError naming what to fix.
 */
export async function* readTable(
  input: Source,
  requiredColumns: readonly string[],
  limits: Partial<typeof TABLE_LIMITS> = {},
): AsyncGenerator<TableRow> {
  const bounds = { ...TABLE_LIMITS, ...limits };
  const fileName = "path" in input ? input.path : input.fileName;
  const ext = path.extname(fileName).toLowerCase();
  const stream = () => ("path" in input ? createReadStream(input.path) : Readable.from([input.buffer]));
  let rows = 0;
  const count = (row: TableRow) => {
    if (++rows > bounds.rows)
      throw new TableFormatError(`có hơn ${formatCount(bounds.rows)} dòng; chia tệp thành nhiều tệp nhỏ hơn.`);
    return row;
  };
  if (ext === ".csv") {
    for await (const row of readCsv(stream(), requiredColumns, bounds)) yield count(row);
  } else if (ext === ".xlsx") {
    for await (const row of readXlsx(input, requiredColumns, bounds)) yield count(row);
  } else throw new TableFormatError(`Tệp ${path.basename(fileName)}: chỉ nhận .csv hoặc .xlsx.`);
}

function checkHeader(header: string[], required: readonly string[], bounds: typeof TABLE_LIMITS): string[] {
  if (header.length > bounds.columns)
    throw new TableFormatError(`dòng 1: có ${header.length} cột, nhiều nhất ${bounds.columns}.`);
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length) {
    throw new TableFormatError(
      `dòng 1: thiếu cột ${missing.join(", ")} (cần đủ các cột: ${required.join(",")}; có: ${names.join(",").slice(0, 300) || "không có"})`,
    );
  }
  return names;
}

function rowValues(header: string[], cells: string[], line: number, bounds: typeof TABLE_LIMITS) {
  if (cells.length > bounds.columns)
    throw new TableFormatError(`dòng ${line}: có ${cells.length} ô, nhiều nhất ${bounds.columns}.`);
  const values: Record<string, string> = {};
  header.forEach((name, i) => {
    const text = (cells[i] ?? "").trim();
    if (text.includes("\u0000"))
      throw new TableFormatError(`dòng ${line}, cột ${name}: ô chứa ký tự NUL; lưu lại tệp bằng Excel.`);
    if (text.length > bounds.cellChars)
      throw new TableFormatError(
        `dòng ${line}, cột ${name}: ô dài ${text.length} ký tự, nhiều nhất ${bounds.cellChars}.`,
      );
    values[name] = text;
  });
  return values;
}

/**
 * Reads the start of a CSV up to its first line break (at most one record's length) to find
 * its separator: a comma, or the semicolon Excel writes with Vietnamese (and most European)
 * regional settings. The header decides: whichever it holds more of, outside quotes.
 * Returns the separator and the whole stream again.
 */
async function withSeparator(
  stream: Readable,
  bounds: typeof TABLE_LIMITS,
): Promise<{ delimiter: string; stream: Readable }> {
  const chunks: Buffer[] = [];
  let seen = 0;
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  while (seen < bounds.recordChars) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    seen += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  const head =
    Buffer.concat(chunks)
      .toString("utf8")
      .split(/\r?\n/)[0]
      ?.replace(/"[^"]*"/g, "") ?? "";
  const count = (c: string) => head.split(c).length - 1;
  const delimiter = count(";") > count(",") ? ";" : ",";
  async function* again() {
    yield* chunks;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { delimiter, stream: Readable.from(again()) };
}

async function* readCsv(source: Readable, required: readonly string[], bounds: typeof TABLE_LIMITS) {
  const { delimiter, stream } = await withSeparator(source, bounds);
  const parser = stream.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: bounds.recordChars,
    }),
  );
  async function* records() {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
      yield { line: info.lines, cells: record };
  }
  yield* withHeader(records(), required, bounds, {
    // csv-parse names the line and what is wrong (an unclosed quote, a record too long).
    unreadable: (message) => `không đọc được tệp CSV: ${message}`,
    empty: "dòng 1: tệp rỗng",
  });
}

async function* readXlsx(input: Source, required: readonly string[], bounds: typeof TABLE_LIMITS) {
  async function* rows() {
    for await (const row of xlsxRows(input, bounds))
      if (row.cells.some((c) => c !== "")) yield { line: row.number, cells: row.cells };
  }
  yield* withHeader(rows(), required, bounds, {
    unreadable: (message) => `không đọc được tệp Excel (${message}); lưu lại bằng Excel rồi thử lại.`,
    empty: "dòng 1: trang tính đầu tiên rỗng",
  });
}

/**
 * The rows of a file by its header (its first row): the header is checked for the columns
 * required, each later row becomes values by column name. A reader's own failure is said
 * as `unreadable` says; a file with no row at all as `empty`.
 */
async function* withHeader(
  rows: AsyncIterable<{ line: number; cells: string[] }>,
  required: readonly string[],
  bounds: typeof TABLE_LIMITS,
  say: { unreadable: (message: string) => string; empty: string },
): AsyncGenerator<TableRow> {
  let header: string[] | null = null;
  try {
    for await (const { line, cells } of rows) {
      if (!header) header = checkHeader(cells, required, bounds);
      else yield { line, values: rowValues(header, cells, line, bounds) };
    }
  } catch (error) {
    if (error instanceof TableFormatError) throw error;
    throw new TableFormatError(say.unreadable((error as Error).message));
  }
  if (!header) throw new TableFormatError(`${say.empty} (cần các cột: ${required.join(",")})`);
}
