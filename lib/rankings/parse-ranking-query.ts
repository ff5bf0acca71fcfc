import "server-only";
import type { Period } from "@/lib/calendar/periods";
import { InvalidParamError } from "@/lib/errors";
import { todayInVietnam } from "@/lib/format/dates";
import { dateParam, periodAsOf, periodParam } from "@/lib/params/query-params";
import { parseLevel } from "@/lib/units/levels";
import type { RankingQuery } from "./ranking-types";

/** Reads a ranking query from URL parameters; a wrong one throws naming the parameter. */
export function parseRankingParams(params: URLSearchParams): RankingQuery {
  const indicator = params.get("indicator")?.trim();
  if (!indicator) throw new InvalidParamError("indicator", "Thiếu tham số indicator (mã chỉ tiêu, ví dụ CCCD_INTAKE).");
  const level = parseLevel(params.get("level") ?? "province");
  if (!level) throw new InvalidParamError("level", "level phải là province, district hoặc commune.");
  const structureOn = dateParam(params, "structureOn");
  const parent = params.get("parent")?.trim() || undefined;
  return { indicator, level, parent, structureOn, ...asOfOrPeriod(params) };
}

/** `asOf` (a date, today by default) or `period` (a reporting period, ranked as of its end), never both. */
export function asOfOrPeriod(params: URLSearchParams): { asOf: Date; period?: Period } {
  const periodText = params.get("period")?.trim();
  if (!periodText) return { asOf: dateParam(params, "asOf") ?? todayInVietnam() };
  if (params.get("asOf")?.trim())
    throw new InvalidParamError("period", "Dùng asOf (một ngày) hoặc period (một kỳ báo cáo), không dùng cả hai.");
  const period = periodParam(periodText, "period");
  return { asOf: periodAsOf(period), period };
}
