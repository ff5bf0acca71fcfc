import { InvalidParamError } from "@/lib/errors";
import { parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
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
  const asOf = dateParam(params, "asOf") ?? todayInVietnam();
  const structureOn = dateParam(params, "structureOn");
  const parent = params.get("parent")?.trim() || undefined;
  return { indicator, level, parent, asOf, structureOn };
}

export function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const text = params.get(name)?.trim();
  if (!text) return undefined;
  const date = parseIsoDate(text);
  if (!date) throw new InvalidParamError(name, `${name} phải là ngày dạng YYYY-MM-DD (nhận "${text}").`);
  return date;
}
