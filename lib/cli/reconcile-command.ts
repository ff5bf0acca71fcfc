import "server-only";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { formatCount } from "@/lib/format/numbers";
import { formatProblem } from "@/lib/imports/row-checks";
import { REFERENCE_COLUMNS } from "@/lib/reconciliation/import-reference";
import type { Discrepancy } from "@/lib/reconciliation/register";
import { runReconciliation } from "@/lib/reconciliation/run-reconciliation";
import { percentHundredths } from "@/lib/reconciliation/tolerance";
import { readTable, TableFormatError } from "@/lib/tables/read-table";

const FIELDS = ["unit", "indicator", "asOf", "entered", "reference", "difference"] as const;

/**
 * reconcile FILE [--tolerance-percent P] [--json]: imports the system of record's extract and
 * prints the discrepancies with the entered figures. Exit 0 when it ran (discrepancies or
 * not), 2 with the file's problems when the file is wrong (nothing written).
 */
export async function runReconcile(
  [file]: string[],
  flags: { "tolerance-percent"?: string; json?: boolean },
): Promise<number> {
  if (!file) {
    console.error("Cần tệp: npm run cli -- reconcile <tệp.csv|.xlsx> [--tolerance-percent P] [--json]");
    return 2;
  }
  let percent: number | undefined;
  try {
    percent = flags["tolerance-percent"] === undefined ? undefined : percentHundredths(flags["tolerance-percent"]);
  } catch (error) {
    if (error instanceof InvalidParamError) {
      console.error(`✗ --tolerance-percent: ${error.message}`);
      return 2;
    }
    throw error;
  }
  try {
    const result = await runReconciliation(db(), readTable({ path: file }, REFERENCE_COLUMNS), {
      actor: "cli",
      fileName: file.split("/").pop() ?? file,
      tolerance: { percentHundredths: percent },
    });
    if (result.errorCount) {
      for (const p of result.errors) console.error(`  lỗi ${formatProblem(p)}`);
      if (result.errors.length < result.errorCount)
        console.error(`  … và ${result.errorCount - result.errors.length} lỗi khác.`);
      console.error(
        `✗ ${result.errorCount} lỗi trong ${result.rows} dòng của ${file}: không ghi gì. Sửa các dòng trên rồi chạy lại.`,
      );
      return 2;
    }
    if (flags.json) {
      console.log(JSON.stringify(result.discrepancies.map((d) => Object.fromEntries(FIELDS.map((f) => [f, d[f]])))));
      return 0;
    }
    printTable(result.discrepancies);
    const { absolute, percentHundredths: p } = result.tolerance;
    console.log(
      `✓ ${formatCount(result.rows)} dòng đối chiếu, ${formatCount(result.discrepancies.length)} chênh lệch ngoài sai số cho phép (±${formatCount(absolute)} hoặc ±${(p / 100).toString().replace(".", ",")} %).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof TableFormatError) {
      console.error(`✗ Tệp ${file}: ${error.message}`);
      return 2;
    }
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      console.error(`✗ Không mở được tệp ${file}.`);
      return 2;
    }
    throw error;
  }
}

function printTable(rows: Discrepancy[]): void {
  if (!rows.length) return;
  const text = (d: Discrepancy) => [
    d.unit,
    d.indicator,
    d.asOf,
    d.entered === null ? "–" : String(d.entered),
    String(d.reference),
    d.difference === null ? "–" : `${d.difference > 0 ? "+" : ""}${d.difference}`,
  ];
  const lines = [FIELDS.map(String), ...rows.map(text)];
  const widths = FIELDS.map((_, i) => Math.max(...lines.map((l) => (l[i] as string).length)));
  for (const line of lines)
    console.log(
      line
        .map((cell, i) => (i >= 3 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
        .join("  "),
    );
}
