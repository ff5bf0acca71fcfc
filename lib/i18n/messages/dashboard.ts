import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { asPhrase, phrases, plain } from "../phrase";
import { COMMON, LEVELS } from "./common";
import dashboardJson from "./dashboard.json";
import weekReportsJson from "./dashboard-week-reports.json";

const rankArrow = (change: number | null) => (change ? ` (${change > 0 ? "↑" : "↓"}${Math.abs(change)})` : "");

// The staff dashboard (/dieu-hanh): figures against targets, forecasts, rankings, and the week's reports.
export const DASHBOARD = phrases({
  ...plain(dashboardJson),
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
  atRisk: { vi: (n: string) => `Có nguy cơ trễ hạn (${n})`, en: (n) => `At risk of missing the deadline (${n})` },
  riskLine: {
    vi: (percent: string, deadline: string, forecast: string | null) =>
      `${percent} · hạn ${deadline} · ${forecast ? `dự báo ${forecast}` : "không tiến triển 4 tuần qua"}`,
    en: (percent, deadline, forecast) =>
      `${percent} · due ${deadline} · ${forecast ? `forecast ${forecast}` : "no progress in the last 4 weeks"}`,
  },
  ranking: {
    vi: (level: UnitLevel) =>
      `Xếp hạng ${{ PROVINCE: "tỉnh, thành phố", DISTRICT: "quận, huyện", COMMUNE: "xã, phường" }[level]}`,
    en: (level) => `${{ PROVINCE: "Provinces", DISTRICT: "Districts", COMMUNE: "Communes" }[level]} ranked`,
  },
  levelUnits: asPhrase(LEVELS),
  changesHeading: {
    vi: (week: string, before: string) => `Thay đổi trong tuần kết thúc ${week} (so với ${before})`,
    en: (week, before) => `What changed in the week ending ${week} (against ${before})`,
  },
  /** "+1.234 · +2,35 điểm % · hạng 3 (↑2)": a unit's increase, its change in percent of target, its rank. */
  changeNote: {
    vi: (increase: string, points: string, rank: string, rankChange: number | null) =>
      [increase, points && `${points} điểm %`, rank && `hạng ${rank}${rankArrow(rankChange)}`]
        .filter(Boolean)
        .join(" · "),
    en: (increase, points, rank, rankChange) =>
      [increase, points && `${points} pts`, rank && `rank ${rank}${rankArrow(rankChange)}`].filter(Boolean).join(" · "),
  },
  stoppedHeading: {
    vi: (n: string) => `Ngừng báo cáo (${n}): có số liệu tuần trước, tuần này không`,
    en: (n) => `Stopped reporting (${n}): figures last week, none this week`,
  },
  lastWeekValue: { vi: (value: string) => `tuần trước: ${value}`, en: (value) => `last week: ${value}` },
  showAllOf: { vi: (n: string) => `Xem tất cả (${n})`, en: (n) => `Show all (${n})` },
  /** The weekly increase still needed, formatted, and where the recent pace leads (already in words). */
  needed: {
    vi: (amount: string, trajectory: string | null) =>
      `cần +${amount}/tuần để đạt đúng hạn${trajectory ? ` (${trajectory})` : ""}`,
    en: (amount, trajectory) => `needs +${amount} a week to make the deadline${trajectory ? ` (${trajectory})` : ""}`,
  },
  rankReasonOf: {
    vi: (unit: string, date: string) => `Thứ hạng của ${unit} tính đến ${date}, so với một tuần trước:`,
    en: (unit, date) => `${unit}'s rank as of ${date}, against a week before:`,
  },
  badDate: {
    vi: (text: string) =>
      `Ngày “${text}” không đọc được: viết ngày/tháng/năm, ví dụ 06/12/2026. Trang đang hiện số liệu hôm nay.`,
    en: (text) => `The date “${text}” could not be read: write day/month/year, e.g. 06/12/2026. The page shows today.`,
  },
  ended: {
    vi: (name: string, type: string, endedOn: string, lastWeek: string, own: boolean) =>
      `${name} đã kết thúc hoạt động từ ${endedOn}; số liệu của ${type.toLowerCase()} dừng ở tuần ${lastWeek}. ${
        own
          ? "Liên hệ quản trị tỉnh để được chuyển tài khoản sang đơn vị mới."
          : "Số liệu sau đó thuộc các đơn vị mới của tỉnh."
      }`,
    en: (name, _type, endedOn, lastWeek, own) =>
      `${name} ceased to exist on ${endedOn} (the 2025 reorganisation); its figures stop at the week ending ${lastWeek}. ${
        own
          ? "Ask your provincial administrator to move your account to the new unit."
          : "Later figures belong to the province's new units."
      }`,
  },
  districtsDone: COMMON.districtsDone,
  communesDone: COMMON.communesDone,
});

export const WEEK_REPORTS = phrases({
  ...plain(weekReportsJson),
  weekHeading: {
    vi: (date: string) => `Báo cáo tuần kết thúc ${date}`,
    en: (date) => `Reports for the week ending ${date}`,
  },
  weekDueHeading: {
    vi: (week: string, due: string, passed: boolean) =>
      `Báo cáo tuần kết thúc ${week} – ${passed ? `hạn gửi ${due} đã qua` : `chưa đến hạn gửi (${due})`}`,
    en: (week, due, passed) =>
      `Reports for the week ending ${week} – ${passed ? `submission was due ${due}` : `not due yet (${due})`}`,
  },
  showAll: {
    vi: (n: string) => `Xem tất cả ${n} đơn vị quá hạn`,
    en: (n) => `Show all ${n} late units`,
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
  notYet: { vi: (n: string) => `Chưa hết hạn, chưa xong (${n}):`, en: (n) => `Not due yet, not finished (${n}):` },
});
