import "server-only";
import { writeFile } from "node:fs/promises";
import { db } from "@/lib/db/client";
import { parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import { periodAsOf } from "@/lib/params/query-params";
import { weeklyReport } from "@/lib/weekly-report/weekly-report";
import { periodFlag } from "./period-flag";

type Flags = { unit?: string; week?: string; period?: string; out?: string };

/** report weekly [--unit MÃ] (--week YYYY-MM-DD | --period KỲ) --out TỆP.docx */
export async function runReport(rest: string[], flags: Flags): Promise<number> {
  if (rest[0] !== "weekly") {
    console.error("Lệnh: report weekly [--unit MÃ] (--week YYYY-MM-DD | --period KỲ) --out TỆP.docx");
    return 2;
  }
  if (!flags.out?.toLowerCase().endsWith(".docx")) {
    console.error("Cần --out TỆP.docx: nơi ghi báo cáo.");
    return 2;
  }
  const period = periodFlag(flags.period, { name: "week", value: flags.week });
  if (period === "refused") return 2;
  const asOf = period ? periodAsOf(period) : flags.week ? parseIsoDate(flags.week) : todayInVietnam();
  if (!asOf) {
    console.error("✗ --week: cần ngày dạng YYYY-MM-DD (ngày Chủ nhật cuối tuần báo cáo).");
    return 2;
  }
  const started = performance.now();
  const { body } = await weeklyReport(db(), { unit: flags.unit, asOf, period }, "cli");
  await writeFile(flags.out, body);
  const ms = Math.round(performance.now() - started);
  console.log(`✓ Đã ghi báo cáo ${flags.out} (${Math.round(body.length / 1024)} KB, ${ms} ms).`);
  return 0;
}
