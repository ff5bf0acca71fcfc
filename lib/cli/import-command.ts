import "server-only";
import fs from "node:fs/promises";
import { db } from "@/lib/db/client";
import { parseIsoDate } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";
import { FIGURE_COLUMNS, type ImportReport, importFigures } from "@/lib/imports/import-figures";
import { importTargets, TARGET_COLUMNS } from "@/lib/imports/import-targets";
import { formatProblem } from "@/lib/imports/row-checks";
import { readTable } from "@/lib/tables/read-table";
import { importCrosswalk, ZCrosswalkFile } from "@/lib/unit-imports/import-crosswalk";
import { importUnits } from "@/lib/unit-imports/import-units";
import { flattenUnitList, ZUnitListFile } from "@/lib/unit-imports/unit-list-file";
import { importBoundariesFile } from "./boundaries-command";

type Flags = { "valid-from"?: string; "old-on"?: string; "new-on"?: string; "dry-run"?: boolean };

export async function runImport([kind, file]: string[], flags: Flags): Promise<number> {
  if (!kind || !file) {
    console.error("Cần loại và tệp: npm run cli -- import units|crosswalk|targets|figures|boundaries <tệp>");
    return 2;
  }
  if (kind === "units") return importUnitsFile(file, flags);
  if (kind === "crosswalk") return importCrosswalkFile(file, flags);
  if (kind === "targets" || kind === "figures") return importTableFile(kind, file, flags);
  if (kind === "boundaries") return importBoundariesFile(file);
  console.error(`Không có loại nhập "${kind}" (units, crosswalk, targets, figures, boundaries).`);
  return 2;
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(file, "utf8"));
}

function requireDate(flag: string, text: string | undefined, fallback?: string): Date {
  const date = parseIsoDate(text ?? fallback ?? "");
  if (!date) throw new Error(`--${flag} cần một ngày dạng YYYY-MM-DD${text ? ` (nhận "${text}")` : ""}.`);
  return date;
}

async function importUnitsFile(file: string, flags: Flags): Promise<number> {
  const validFrom = requireDate("valid-from", flags["valid-from"]);
  const parsed = ZUnitListFile.safeParse(await readJson(file));
  if (!parsed.success) {
    console.error(
      `✗ ${file} không đúng định dạng danh sách đơn vị:\n  ${parsed.error.issues
        .slice(0, 10)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("\n  ")}`,
    );
    return 1;
  }
  const units = flattenUnitList(parsed.data);
  const r = await importUnits(db(), units, validFrom);
  console.log(
    `✓ ${units.length} đơn vị: thêm ${r.inserted}, đổi ${r.changed}, giữ nguyên ${r.unchanged}, đóng hiệu lực ${r.closed}.`,
  );
  if (r.reorganisation) console.log("  Cơ cấu 2 cấp thay cơ cấu 3 cấp: mọi đơn vị bắt đầu thời kỳ hiệu lực mới.");
  return 0;
}

async function importCrosswalkFile(file: string, flags: Flags): Promise<number> {
  const oldOn = requireDate("old-on", flags["old-on"], "2025-06-30");
  const newOn = requireDate("new-on", flags["new-on"], "2025-07-01");
  const parsed = ZCrosswalkFile.safeParse(await readJson(file));
  if (!parsed.success) {
    console.error(`✗ ${file} không đúng định dạng bảng chuyển đổi: ${parsed.error.issues[0]?.message}`);
    return 1;
  }
  const r = await importCrosswalk(db(), parsed.data, oldOn, newOn);
  console.log(`✓ ${r.links} liên kết cũ → mới (${r.split} đơn vị bị chia tách).`);
  if (r.unknownOld.length) {
    console.log(
      `  Bỏ qua ${r.unknownOld.length} mã cũ không có hiệu lực ngày ${flags["old-on"] ?? "2025-06-30"}: ${r.unknownOld.slice(0, 12).join(", ")}${r.unknownOld.length > 12 ? "…" : ""}`,
    );
  }
  if (r.unknownNew.length)
    console.log(`  Bỏ qua ${r.unknownNew.length} mã mới không tìm thấy: ${r.unknownNew.slice(0, 12).join(", ")}`);
  return 0;
}

async function importTableFile(kind: "targets" | "figures", file: string, flags: Flags): Promise<number> {
  const started = performance.now();
  const progress = (rows: number) => process.stderr.write(`\r  đã đọc ${formatCount(rows)} dòng…`);
  const options = {
    actor: "cli",
    source: `import:${file.split("/").pop()}`,
    dryRun: flags["dry-run"],
    onProgress: progress,
  };
  const report: ImportReport =
    kind === "figures"
      ? await importFigures(db(), readTable({ path: file }, FIGURE_COLUMNS), options)
      : await importTargets(db(), readTable({ path: file }, TARGET_COLUMNS), options);
  process.stderr.write("\n");
  for (const p of report.errors) console.log(`  lỗi ${formatProblem(p)}`);
  for (const p of report.warnings) console.log(`  cảnh báo ${formatProblem(p)}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.errors.length < report.errorCount)
    console.log(
      `  … và ${report.errorCount - report.errors.length} lỗi khác (chỉ liệt kê ${report.errors.length} lỗi đầu).`,
    );
  if (report.errorCount) {
    console.log(`✗ ${report.errorCount} lỗi trong ${report.rows} dòng: không ghi gì. Sửa các dòng trên rồi nhập lại.`);
    return 1;
  }
  if (!report.written) {
    console.log(`✓ ${report.rows} dòng hợp lệ (${report.warningCount} cảnh báo); chạy thử, chưa ghi.`);
    return 0;
  }
  console.log(
    `✓ ${report.rows} dòng trong ${seconds} s: thêm ${report.inserted}, cập nhật ${report.updated}, không đổi ${report.unchanged}` +
      (report.warningCount ? `, ${report.warningCount} cảnh báo.` : "."),
  );
  return 0;
}
