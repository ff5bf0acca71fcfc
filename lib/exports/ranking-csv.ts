import "server-only";
import type { Period, PeriodKind } from "@/lib/calendar/periods";
import { InvalidParamError } from "@/lib/errors";
import { addDays } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { type PublicMessages, publicMessages } from "@/lib/i18n/public-messages";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { rankChanges } from "@/lib/rankings/period-changes";
import type { Ranking, RankingItem, RankingQuery } from "@/lib/rankings/ranking-types";
import { neutralizeFormula } from "@/lib/tables/formula-text";

// The leaderboard's download for people: a CSV a clerk opens in Excel as it is. Headers in the
// page's language, numbers rounded as the page shows them, the same columns in the same
// order for every kind of indicator (empty where a column does not apply). Vietnamese files
// are written as Excel with Vietnamese regional settings writes them: semicolons between
// fields and a decimal comma; English ones with commas and a decimal point. Machines keep
// the API's CSV (format=csv), whose field names do not change.

type Cell = string | number | null;
type Context = { period: boolean; words: PublicMessages };
type Column = {
  vi: string;
  en: string;
  value: (item: RankingItem, context: Context) => Cell;
  /** Decimals kept, as the page shows them (counts none; percents, points and shares two); dates are YYYY-MM-DD, written in the file's language. */
  decimals?: number | ((item: RankingItem) => number);
  date?: true;
};

const two = 2;
/** A share's target, increase and need are percentages (two decimals); a count's are whole. */
const ofShares = (i: RankingItem) => (i.ratio !== undefined || i.score !== undefined ? 2 : 0);

/** One column order for every kind: counts, shares and scorecards fill the columns that apply to them. */
const COLUMNS: Column[] = [
  { vi: "Hạng", en: "Rank", value: (i) => i.rank },
  { vi: "Mã", en: "Code", value: (i) => i.code },
  { vi: "Đơn vị", en: "Unit", value: (i) => (i.approximate ? `${i.name} (≈)` : i.name) },
  { vi: "Số liệu (tử số)", en: "Figure (numerator)", value: (i) => (i.score !== undefined ? null : i.value) },
  { vi: "Mẫu số", en: "Denominator", value: (i) => i.denominator ?? null },
  { vi: "Tỷ lệ (%)", en: "Ratio (%)", value: (i) => i.ratio ?? null, decimals: two },
  { vi: "Chỉ tiêu", en: "Target", value: (i) => i.target, decimals: ofShares },
  { vi: "Đạt so với chỉ tiêu (%)", en: "Percent of target (%)", value: (i) => i.percent, decimals: two },
  {
    vi: "Tăng trong tuần / kỳ",
    en: "Increase in the week / period",
    value: (i, { period }) => (period ? (i.change ?? null) : i.weeklyChange),
    decimals: ofShares,
  },
  { vi: "Hạng tuần (kỳ) trước", en: "Rank the week (period) before", value: (i) => i.previousRank ?? null },
  { vi: "Hạn", en: "Deadline", value: (i) => i.deadline, date: true },
  { vi: "Ngày đạt", en: "Reached on", value: (i) => i.reachedOn, date: true },
  { vi: "Sớm (+) / muộn (−), ngày", en: "Days early (+) / late (−)", value: (i) => i.daysAhead },
  { vi: "Dự báo đạt", en: "Forecast", value: (i) => i.forecastOn, date: true },
  { vi: "Cần tăng mỗi tuần", en: "Needed each week", value: (i) => i.neededPerWeek, decimals: ofShares },
  { vi: "Xu hướng", en: "Trajectory", value: (i, { words }) => (i.trajectory ? words.trajectory(i.trajectory) : null) },
  { vi: "Điểm", en: "Score", value: (i) => i.score ?? null, decimals: two },
  { vi: "Điểm tối đa", en: "Maximum score", value: (i) => i.maxScore ?? null, decimals: two },
  { vi: "Xếp loại", en: "Band", value: (i) => i.band ?? null },
  { vi: "Đơn vị trực thuộc đạt", en: "Units below done", value: (i) => i.childrenDone },
  { vi: "Đơn vị trực thuộc", en: "Units below", value: (i) => i.childrenTotal },
  // The file holds approved figures only (the official basis): each unit says up to when.
  {
    vi: "Số liệu đã phê duyệt, tính đến",
    en: "Approved figures, as of",
    value: (i) => i.officialAsOf ?? null,
    date: true,
  },
];

/**
 * The ranking the file holds, with each unit's earlier rank: a period's ranking carries it;
 * a week's is compared with the week before, as the leaderboard does.
 */
export async function rankingWithMoves(
  prisma: PrismaClient,
  query: RankingQuery,
  requester: string,
  signal?: AbortSignal,
): Promise<Ranking> {
  const ranking = await getRankingCached(prisma, query, requester, signal);
  if (query.period) return ranking;
  const before = await getRankingCached(prisma, { ...query, asOf: addDays(query.asOf, -7) }, requester, signal).catch(
    (error: unknown) => {
      // The week before may lie before the structure ranked began: no earlier rank then.
      if (error instanceof InvalidParamError) return null;
      throw error;
    },
  );
  if (!before) return ranking;
  const moves = rankChanges(ranking.items, before.items);
  return { ...ranking, items: ranking.items.map((item, i) => ({ ...item, ...moves[i] })) };
}

/** The file's text (with a UTF-8 BOM so Excel reads Vietnamese names) and its name. */
export function rankingCsv(
  ranking: Ranking,
  period: Period | undefined,
  locale: Locale,
): { fileName: string; text: string } {
  const context = { period: Boolean(period), words: publicMessages(locale) };
  const separator = locale === "vi" ? ";" : ",";
  const number = (n: number, decimals: number) => {
    const text = n.toFixed(decimals);
    return locale === "vi" ? text.replace(".", ",") : text;
  };
  const date = (iso: string) => (locale === "vi" ? iso.split("-").reverse().join("/") : iso);
  const cell = (column: Column, item: RankingItem): string => {
    const value = column.value(item, context);
    if (value === null || value === undefined) return "";
    if (typeof value === "number")
      return number(value, typeof column.decimals === "function" ? column.decimals(item) : (column.decimals ?? 0));
    return quoted(column.date ? date(value) : neutralizeFormula(value), separator);
  };
  // A scorecard adds its components' points after the common columns, each headed by its name.
  const parts: Column[] = (ranking.componentNames ?? []).map((c, k) => ({
    vi: `${c.nameVi} (điểm)`,
    en: `${c.nameEn} (points)`,
    value: (item) => item.components?.[k]?.points ?? null,
    decimals: two,
  }));
  const columns = [...COLUMNS, ...parts];
  const lines = [
    columns.map((c) => quoted(neutralizeFormula(c[locale]), separator)).join(separator),
    ...ranking.items.map((item) => columns.map((c) => cell(c, item)).join(separator)),
  ];
  return { fileName: csvName(ranking, period), text: `\uFEFF${lines.join("\r\n")}\r\n` };
}

/** Text as a cell: quoted when it holds the separator, a quote or a line break. */
function quoted(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const PERIOD_WORDS: Record<PeriodKind, string> = {
  week: "tuan",
  month: "thang",
  quarter: "quy",
  half: "sau-thang",
  "nine-months": "chin-thang",
  year: "nam",
};

/** bang-xep-hang-quy-2026-Q4-CCCD_INTAKE-tinh.csv; a week's by its Sunday: bang-xep-hang-tuan-2026-12-06-…. */
export function csvName(ranking: Pick<Ranking, "indicator" | "level" | "parent" | "asOf">, period?: Period): string {
  const when = period ? `${PERIOD_WORDS[period.kind]}-${period.key.split(":")[1]}` : `ngay-${ranking.asOf}`;
  const level = { province: "tinh", district: "huyen", commune: "xa" }[ranking.level];
  return `bang-xep-hang-${when}-${ranking.indicator}-${level}${ranking.parent ? `-${ranking.parent}` : ""}.csv`;
}
