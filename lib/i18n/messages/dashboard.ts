import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { asPhrase, phrases } from "../phrase";
import { COMMON, LEVELS } from "./common";

// The staff dashboard (/dieu-hanh): figures against targets, forecasts, rankings, and the week's reports.
export const DASHBOARD = phrases({
  dashboard: COMMON.dashboard,
  country: COMMON.country,
  asOfLine: {
    vi: (indicator: string, date: string) => `${indicator}, tính đến ${date}`,
    en: (indicator, date) => `${indicator}, as of ${date}`,
  },
  up: COMMON.up,
  indicator: COMMON.indicator,
  asOf: COMMON.asOf,
  show: COMMON.show,
  headline: { vi: "Số liệu chính", en: "Key figures" },
  value: { vi: "Số liệu", en: "Figure" },
  none: COMMON.none,
  target: COMMON.target,
  notAssigned: COMMON.notAssigned,
  deadline: { vi: (date: string) => `hạn ${date}`, en: (date) => `due ${date}` },
  percent: COMMON.percentOfTarget,
  forecastWord: COMMON.forecast,
  forecast: {
    vi: (date: string, late: boolean) => `dự báo đạt ${date}${late ? " (sau hạn)" : ""}`,
    en: (date, late) => `forecast to reach it ${date}${late ? " (after the deadline)" : ""}`,
  },
  done: { vi: "Đơn vị đã đạt", en: "Units that reached it" },
  atRiskCount: { vi: "Đơn vị có nguy cơ trễ hạn", en: "Units at risk of missing the deadline" },
  trend: { vi: "Diễn biến so với chỉ tiêu", en: "Progress against the target" },
  trendLabel: {
    vi: (indicator: string, scope: string) => `Biểu đồ ${indicator} của ${scope} theo thời gian, với dự báo đến hạn`,
    en: (indicator, scope) => `Chart of ${indicator} for ${scope} over time, with the forecast to the deadline`,
  },
  downloadChart: COMMON.downloadChart,
  forecastNote: {
    vi: (deadline: string, value: string) =>
      `Đường nét đứt: dự báo đến hạn ${deadline} theo tốc độ 4 tuần gần nhất (${value}).`,
    en: (deadline, value) =>
      `Dashed line: forecast to the deadline ${deadline} at the pace of the last 4 weeks (${value}).`,
  },
  noPoints: {
    vi: "Chưa có số liệu cho chỉ tiêu này. Số liệu xuất hiện ngay khi cấp dưới lưu.",
    en: "No figures for this indicator yet. They appear as soon as the level below saves them.",
  },
  atRisk: { vi: (n: string) => `Có nguy cơ trễ hạn (${n})`, en: (n) => `At risk of missing the deadline (${n})` },
  riskLine: {
    vi: (percent: string, deadline: string, forecast: string | null) =>
      `${percent} · hạn ${deadline} · ${forecast ? `dự báo ${forecast}` : "không tiến triển 4 tuần qua"}`,
    en: (percent, deadline, forecast) =>
      `${percent} · due ${deadline} · ${forecast ? `forecast ${forecast}` : "no progress in the last 4 weeks"}`,
  },
  noRisk: {
    vi: "Không đơn vị nào có nguy cơ trễ hạn theo tốc độ hiện tại.",
    en: "No unit is at risk of missing the deadline at the current pace.",
  },
  ranking: {
    vi: (level: UnitLevel) =>
      `Xếp hạng ${{ PROVINCE: "tỉnh, thành phố", DISTRICT: "quận, huyện", COMMUNE: "xã, phường" }[level]}`,
    en: (level) => `${{ PROVINCE: "Provinces", DISTRICT: "Districts", COMMUNE: "Communes" }[level]} ranked`,
  },
  levelUnits: asPhrase(LEVELS),
  districtsDone: COMMON.districtsDone,
  communesDone: COMMON.communesDone,
  downloadWeekly: {
    vi: "Tải báo cáo tuần, mọi chỉ tiêu (Excel)",
    en: "Download the weekly report, every indicator (Excel)",
  },
});

export const WEEK_REPORTS = phrases({
  weekHeading: {
    vi: (date: string) => `Báo cáo tuần kết thúc ${date}`,
    en: (date) => `Reports for the week ending ${date}`,
  },
  weekCounts: {
    vi: (withFigures: string, total: string, submitted: string, approved: string) =>
      `Có số liệu ${withFigures}/${total} · đã gửi ${submitted} · đã duyệt ${approved}`,
    en: (withFigures, total, submitted, approved) =>
      `With figures ${withFigures}/${total} · submitted ${submitted} · approved ${approved}`,
  },
  dueLine: {
    vi: (submit: string, approve: string) => `Hạn gửi ${submit} · hạn duyệt ${approve}`,
    en: (submit, approve) => `Due for submission ${submit} · for approval ${approve}`,
  },
  lateHeading: { vi: (n: string) => `Quá hạn (${n}):`, en: (n) => `Late (${n}):` },
  lateList: { vi: "Đơn vị quá hạn báo cáo", en: "Units late with their report" },
  allApproved: {
    vi: "Tất cả đơn vị đã được duyệt báo cáo tuần này.",
    en: "Every unit's report for this week is approved.",
  },
  noneLate: { vi: "Chưa đơn vị nào quá hạn.", en: "No unit is late yet." },
  notYet: { vi: (n: string) => `Chưa hết hạn, chưa xong (${n}):`, en: (n) => `Not due yet, not finished (${n}):` },
  notices: { vi: "Nhắc báo cáo quá hạn", en: "Late report reminders" },
  openWeek: { vi: "Mở báo cáo tuần này", en: "Open this week's report" },
  seeBelow: { vi: "Xem tình hình báo cáo của cấp dưới", en: "See the reports of the units below" },
});
