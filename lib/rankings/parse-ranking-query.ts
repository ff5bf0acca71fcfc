import "server-only";
import { z } from "zod";
import type { Period } from "@/lib/calendar/periods";
import { todayInVietnam } from "@/lib/format/dates";
import {
  dateField,
  optionalText,
  parseQuery,
  periodAsOf,
  periodField,
  type QuerySchema,
  requiredText,
} from "@/lib/params/query-params";
import { BASES } from "@/lib/series/bases";
import { levelField } from "@/lib/units/levels";
import type { RankingQuery } from "./ranking-types";

const BOTH = "Dùng asOf (một ngày) hoặc period (một kỳ báo cáo), không dùng cả hai.";

/** `period` then `asOf`: never both (told before what is wrong with either). */
const AS_OF_OR_PERIOD = {
  period: periodField("Một kỳ báo cáo thay cho asOf: xếp hạng tính đến ngày cuối kỳ (hôm nay khi kỳ đang chạy)."),
  asOf: dateField("asOf", "Ngày tính số liệu, YYYY-MM-DD (mặc định hôm nay ở Việt Nam)."),
};

function neverBoth<S extends QuerySchema>(schema: S): S {
  return schema.refine((query) => query.asOf === undefined || query.period === undefined, {
    path: ["period"],
    params: { combination: true },
    message: BOTH,
    when: () => true,
  });
}

/** The query of a ranking (GET /api/v1/rankings), parameter by parameter, in the order they are checked. */
export const RANKING_QUERY = z.object({
  indicator: requiredText(
    "Thiếu tham số indicator (mã chỉ tiêu, ví dụ CCCD_INTAKE).",
    "Mã chỉ tiêu, ví dụ CCCD_INTAKE.",
  ),
  level: levelField(),
  structureOn: dateField(
    "structureOn",
    "Cộng dồn số liệu lên các đơn vị hiệu lực vào ngày này (qua bảng chuyển đổi đơn vị), YYYY-MM-DD.",
  ),
  parent: optionalText("Mã đơn vị cha: các huyện của một tỉnh, các xã của một huyện hoặc tỉnh."),
  ...AS_OF_OR_PERIOD,
});

/** The public API's query: a ranking on a basis (anonymous callers may ask for the official one only). */
export const API_RANKING_QUERY = RANKING_QUERY.extend({
  basis: z.enum(BASES, { error: "basis phải là official hoặc live." }).optional().meta({
    description:
      "official (mặc định): chỉ số liệu của các tuần đã được cấp trên phê duyệt; live: mọi số liệu đã lưu, chỉ cho người đã đăng nhập.",
  }),
});

/** The query of the leaderboard's download for people (GET /api/v1/exports/ranking): a ranking and the file's language. */
export const RANKING_CSV_QUERY = RANKING_QUERY.extend({
  lang: z
    .enum(["vi", "en"], { error: "lang phải là vi hoặc en." })
    .optional()
    .meta({ description: "Ngôn ngữ của tệp: vi (mặc định; dấu chấm phẩy, dấu phẩy thập phân) hoặc en." }),
});

/** The query of the weekly workbook (GET /api/v1/exports/weekly). */
export const WEEKLY_EXPORT_QUERY = z.object({
  unit: optionalText("Mã đơn vị: mỗi trang xếp hạng các đơn vị con của nó (không có: các tỉnh)."),
  ...AS_OF_OR_PERIOD,
});

/** Reads a ranking query from URL parameters; a wrong one throws naming the parameter. */
export function parseRankingParams(params: URLSearchParams): RankingQuery {
  const { indicator, level, parent, structureOn, basis, ...when } = parseQuery(neverBoth(API_RANKING_QUERY), params);
  return { indicator, level, parent, structureOn, basis: basis ?? "official", ...asOfOrPeriod(when) };
}

/** The people's CSV: the ranking (official, as every public answer) and the file's language. */
export function parseRankingCsvParams(params: URLSearchParams): { query: RankingQuery; locale: "vi" | "en" } {
  const { indicator, level, parent, structureOn, lang, ...when } = parseQuery(neverBoth(RANKING_CSV_QUERY), params);
  return {
    query: { indicator, level, parent, structureOn, basis: "official", ...asOfOrPeriod(when) },
    locale: lang ?? "vi",
  };
}

/** The weekly workbook's unit and day or period. */
export function parseWeeklyExportParams(params: URLSearchParams): { unit?: string; asOf: Date; period?: Period } {
  const { unit, ...when } = parseQuery(neverBoth(WEEKLY_EXPORT_QUERY), params);
  return { unit, ...asOfOrPeriod(when) };
}

/** `asOf` (a date, today by default) or `period` (a reporting period, ranked as of its end). */
function asOfOrPeriod(when: { asOf?: Date; period?: Period }): { asOf: Date; period?: Period } {
  if (when.period) return { asOf: periodAsOf(when.period), period: when.period };
  return { asOf: when.asOf ?? todayInVietnam() };
}
