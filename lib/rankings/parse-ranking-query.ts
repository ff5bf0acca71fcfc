import "server-only";
import { InvalidParamError } from "@/lib/errors";
import { FIRST_YEAR, formatDateVi, LAST_YEAR, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { type Period, parsePeriod } from "./periods";
import type { RankingQuery } from "./ranking-types";

const LEVELS: Record<string, UnitLevel> = { province: "PROVINCE", district: "DISTRICT", commune: "COMMUNE" };

export function parseLevel(text: string): UnitLevel | null {
  return LEVELS[text.toLowerCase()] ?? null;
}

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

/** A reporting period that has begun, or InvalidParamError naming `name` and what to write. */
export function periodParam(text: string, name: string): Period {
  const period = parsePeriod(text);
  if ("problem" in period) throw new InvalidParamError(name, period.problem);
  if (period.start > todayInVietnam())
    throw new InvalidParamError(name, `Kỳ ${period.key} bắt đầu ngày ${formatDateVi(period.start)}, chưa đến.`);
  return period;
}

/** A period is ranked as of its last day, or today while it is still running. */
export function periodAsOf(period: Period): Date {
  return new Date(Math.min(period.end.getTime(), todayInVietnam().getTime()));
}

export function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const text = params.get(name)?.trim();
  if (!text) return undefined;
  const date = parseIsoDate(text);
  if (!date)
    throw new InvalidParamError(
      name,
      `${name} phải là ngày dạng YYYY-MM-DD, năm ${FIRST_YEAR}–${LAST_YEAR} (nhận "${text.slice(0, 40)}").`,
    );
  return date;
}

export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;

/** `limit` and `offset` of a long list: whole numbers, the page at most MAX_PAGE_SIZE. */
export function parsePageParams(params: URLSearchParams): { limit: number; offset: number } {
  const limit = wholeNumber(params, "limit") ?? DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_PAGE_SIZE)
    throw new InvalidParamError("limit", `limit phải từ 1 đến ${MAX_PAGE_SIZE} (nhận ${limit}).`);
  return { limit, offset: wholeNumber(params, "offset") ?? 0 };
}

function wholeNumber(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name)?.trim();
  if (!text) return undefined;
  if (!/^\d{1,9}$/.test(text))
    throw new InvalidParamError(name, `${name} phải là số nguyên không âm (nhận "${text.slice(0, 20)}").`);
  return Number(text);
}
