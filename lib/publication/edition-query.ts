import "server-only";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { optionalText, parseQuery, requiredText } from "@/lib/params/query-params";
import { LEVEL_NAMES, levelField } from "@/lib/units/levels";
import type { EditionKey } from "./edition-contents";

/** The ranking of an edition asked for (GET /api/v1/publications/{number}/ranking and its CSV). */
export const EDITION_RANKING_QUERY = z.object({
  indicator: requiredText(
    "Thiếu tham số indicator (mã chỉ tiêu, ví dụ CCCD_INTAKE).",
    "Mã chỉ tiêu, ví dụ CCCD_INTAKE.",
  ),
  level: levelField(),
  parent: optionalText("Mã tỉnh: các huyện hoặc các xã của tỉnh đó (không có: các tỉnh của cả nước)."),
});

/** The people's CSV of an edition's ranking: the ranking and the file's language. */
export const EDITION_CSV_QUERY = EDITION_RANKING_QUERY.extend({
  lang: z
    .enum(["vi", "en"], { error: "lang phải là vi hoặc en." })
    .optional()
    .meta({ description: "Ngôn ngữ của tệp: vi (mặc định; dấu chấm phẩy, dấu phẩy thập phân) hoặc en." }),
});

export function parseEditionRankingParams(params: URLSearchParams): EditionKey & { lang: "vi" | "en" } {
  const { indicator, level, parent, lang } = parseQuery(EDITION_CSV_QUERY, params);
  return { indicator: indicator.toUpperCase(), level: LEVEL_NAMES[level], parent: parent ?? "", lang: lang ?? "vi" };
}

/** An edition's number from an address: a whole number from 1, else not found (404). */
export function editionNumber(text: string): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
    throw new NotFoundError(`Không có bản công bố số "${text.slice(0, 20)}": số bản là số nguyên từ 1.`);
  return Number(text);
}
