import "server-only";
import { writeFile } from "node:fs/promises";
import type { Period } from "@/lib/calendar/periods";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import { periodAsOf, periodParam } from "@/lib/params/query-params";
import { weeklyReport } from "@/lib/weekly-report/weekly-report";

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
  if (flags.week && flags.period) {
    console.error("Dùng --week (một tuần) hoặc --period (một kỳ báo cáo), không dùng cả hai.");
    return 2;
  }
  let period: Period | undefined;
  try {
    period = flags.period ? periodParam(flags.period, "period") : undefined;
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    console.error(`✗ --period: ${error.message}`);
    return 2;
  }
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
