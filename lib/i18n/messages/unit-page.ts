import { phrases } from "../phrase";
import { COMMON } from "./common";
import { LEADERBOARD } from "./leaderboard";

// A unit's public page (/units/[code]): its place, ranking, targets and own reports.
export const UNIT_PAGE = phrases({
  breadcrumbs: { vi: "Đường dẫn", en: "Breadcrumbs" },
  country: { vi: "Toàn quốc", en: "Viet Nam" },
  codeWord: { vi: "mã", en: "code" },
  validFrom: {
    vi: (from: string, to: string | null) => `Hiệu lực từ ${from}${to ? ` đến ${to}` : ""}`,
    en: (from, to) => `In force from ${from}${to ? ` to ${to}` : ""}`,
  },
  asOfShort: { vi: (date: string) => `tính đến ${date}`, en: (date) => `as of ${date}` },
  show: COMMON.show,
  results: { vi: "Kết quả", en: "Results" },
  noTarget: COMMON.notAssigned,
  rankIn: { vi: (name: string) => `Xếp hạng trong ${name}`, en: (name) => `Rank within ${name}` },
  rankNational: { vi: "Xếp hạng toàn quốc", en: "National rank" },
  trendHeading: { vi: "Diễn biến so với chỉ tiêu", en: "Progress against target" },
  trendLabel: {
    vi: (indicator: string, unit: string) => `Biểu đồ ${indicator} của ${unit} theo thời gian`,
    en: (indicator, unit) => `Chart of ${indicator} for ${unit} over time`,
  },
  noFiguresShort: { vi: "Chưa có số liệu cho chỉ tiêu này.", en: "No figures for this indicator yet." },
  childrenRanked: {
    vi: (level: string) => `Xếp hạng ${level.toLowerCase()} trực thuộc`,
    en: (level) => `${level} ranking`,
  },
  downloadChildrenExcel: {
    vi: "Tải báo cáo tuần của các đơn vị trực thuộc (Excel)",
    en: "Weekly report of the units below (Excel)",
  },
  targetsHeading: { vi: "Chỉ tiêu được giao", en: "Targets assigned" },
  targetLine: {
    vi: (deadline: string, directive: string, assigned: string) =>
      `hạn ${deadline} — ${directive} (giao ngày ${assigned})`,
    en: (deadline, directive, assigned) => `due ${deadline} — ${directive} (assigned ${assigned})`,
  },
  noTargetYet: { vi: "Chưa được giao chỉ tiêu này.", en: "No target assigned for this indicator." },
  reportsHeading: { vi: "Số liệu đơn vị tự báo cáo gần đây", en: "Recent figures reported by the unit itself" },
  noOwnReports: {
    vi: "Đơn vị không tự báo cáo; số liệu là tổng của các đơn vị trực thuộc.",
    en: "The unit does not report itself; its value is the sum of the units below it.",
  },
  partial: { vi: " (một phần)", en: " (in part)" },
  becameAfter: {
    vi: (date: string) => `Sau ngày ${date}, đơn vị này được sắp xếp vào:`,
    en: (date) => `After ${date} this unit became part of:`,
  },
  formedFrom: { vi: "Đơn vị được hình thành từ:", en: "This unit was formed from:" },
  chartValue: LEADERBOARD.value,
  chartForecast: COMMON.forecast,
  chartTarget: COMMON.target,
});
