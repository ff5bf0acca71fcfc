import { phrases, plain } from "../phrase";
import { COMMON } from "./common";
import { LEADERBOARD } from "./leaderboard";
import unitPageJson from "./unit-page.json";

// A unit's public page (/units/[code]): its place, ranking, targets and own reports.
export const UNIT_PAGE = phrases({
  ...plain(unitPageJson),
  validFrom: {
    vi: (from: string, to: string | null) => `Hiệu lực từ ${from}${to ? ` đến ${to}` : ""}`,
    en: (from, to) => `In force from ${from}${to ? ` to ${to}` : ""}`,
  },
  until: { vi: (date: string) => `(đến ${date})`, en: (date) => `(until ${date})` },
  asOfShort: { vi: (date: string) => `tính đến ${date}`, en: (date) => `as of ${date}` },
  show: COMMON.show,
  noTarget: COMMON.notAssigned,
  rankIn: { vi: (name: string) => `Xếp hạng trong ${name}`, en: (name) => `Rank within ${name}` },
  trendLabel: {
    vi: (indicator: string, unit: string) => `Biểu đồ ${indicator} của ${unit} theo thời gian`,
    en: (indicator, unit) => `Chart of ${indicator} for ${unit} over time`,
  },
  childrenRanked: {
    vi: (level: string) => `Xếp hạng ${level.toLowerCase()} trực thuộc`,
    en: (level) => `${level} ranking`,
  },
  targetLine: {
    vi: (deadline: string, directive: string, assigned: string) =>
      `hạn ${deadline} — ${directive} (giao ngày ${assigned})`,
    en: (deadline, directive, assigned) => `due ${deadline} — ${directive} (assigned ${assigned})`,
  },
  becameAfter: {
    vi: (date: string) => `Sau ngày ${date}, đơn vị này được sắp xếp vào:`,
    en: (date) => `After ${date} this unit became part of:`,
  },
  cardRank: {
    vi: (rank: number, of: number, within: string | null) =>
      `Hạng ${rank}/${of} ${within ? `trong ${within}` : "toàn quốc"}`,
    en: (rank, of, within) => `Rank ${rank} of ${of} ${within ? `within ${within}` : "nationally"}`,
  },
  cardTarget: {
    vi: (value: string, target: string) => `${value} / chỉ tiêu ${target}`,
    en: (value, target) => `${value} / target ${target}`,
  },
  chartValue: LEADERBOARD.value,
  chartForecast: COMMON.forecast,
  chartTarget: COMMON.target,
});
