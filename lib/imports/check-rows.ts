import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIndicators } from "@/lib/indicators/indicators";
import type { TableRow } from "@/lib/tables/read-table";
import { type ImportProblem, ProblemList, UnitResolver } from "./row-checks";

export type RowContext = {
  indicators: Awaited<ReturnType<typeof loadIndicators>>;
  units: UnitResolver;
  problems: ProblemList;
};

/**
 * Checks every row of a file before anything is written: `parse` records the row's
 * problems and returns its value with a key, or null. A key seen before is a duplicate row,
 * reported against the line that had it first. Progress is reported every 5,000 rows, and
 * every 1,000 rows the check lets other requests run, so a worst-case file does not stall them.
 */
export async function checkRows<T>(
  prisma: PrismaClient,
  rows: AsyncIterable<TableRow>,
  options: {
    allowedUnitIds?: Set<number>;
    onProgress?: (rowsRead: number) => void;
    what: string;
    duplicate: string;
    /** The columns a row must fill to say anything: a row with all of them empty (a template's untouched line) is skipped. */
    filled: readonly string[];
  },
  parse: (row: TableRow, context: RowContext) => { key: string; value: T } | null,
): Promise<{ parsed: T[]; problems: ProblemList; count: number; skipped: number[] }> {
  const [indicators, units] = await Promise.all([
    loadIndicators(prisma),
    UnitResolver.load(prisma, options.allowedUnitIds),
  ]);
  const context = { indicators, units, problems: new ProblemList() };
  const parsed: T[] = [];
  const seen = new Map<string, number>();
  const skipped: number[] = [];
  let count = 0;
  for await (const row of rows) {
    count++;
    if (count % 5000 === 0) options.onProgress?.(count);
    if (count % 1000 === 0) await nextTurn();
    if (options.filled.every((column) => (row.values[column] ?? "") === "")) {
      skipped.push(row.line);
      continue;
    }
    const result = parse(row, context);
    if (!result) continue;
    const first = seen.get(result.key);
    if (first !== undefined) {
      context.problems.add(row.line, "unit_code", `trùng với dòng ${first} (${options.duplicate})`);
      continue;
    }
    seen.set(result.key, row.line);
    parsed.push(result.value);
  }
  options.onProgress?.(count);
  if (count === skipped.length) context.problems.add(1, "unit_code", `tệp không có dòng ${options.what} nào`);
  return { parsed, problems: context.problems, count, skipped };
}

/** Rows shown in a message: the first few lines, then how many more. */
const LINES_NAMED = 10;

/** One warning for all the rows left empty and skipped (none when there are none). */
export function skippedWarning(skipped: number[], column: string): ImportProblem[] {
  if (!skipped.length) return [];
  const named = skipped.slice(0, LINES_NAMED).join(", ");
  const more = skipped.length > LINES_NAMED ? ` và ${skipped.length - LINES_NAMED} dòng khác` : "";
  return [
    {
      line: skipped[0] as number,
      column,
      message: `${skipped.length} dòng để trống ${column} được bỏ qua, không ghi gì (dòng ${named}${more})`,
    },
  ];
}
