import { asPhrase, phrases } from "../phrase";
import { COMMON } from "./common";

// The public leaderboard page's frame: title, language switch, national headline, reporting periods.
// Place names stay as the statistics office writes them.
const PERIOD_GROUPS = phrases<Record<string, string>>({
  month: { vi: "Tháng", en: "Month" },
  quarter: { vi: "Quý", en: "Quarter" },
  half: { vi: "6 tháng", en: "Half year" },
  "nine-months": { vi: "9 tháng", en: "Nine months" },
  year: { vi: "Năm", en: "Year" },
});

export const PUBLIC = phrases({
  brand: { vi: "Đề án 06", en: "Project 06" },
  switchTo: { vi: "English", en: "Tiếng Việt" },
  switchLabel: { vi: "Switch to English", en: "Chuyển sang tiếng Việt" },
  staffSignIn: { vi: "Cán bộ đăng nhập", en: "Staff sign-in" },
  title: {
    vi: "Tiến độ cấp căn cước công dân gắn chip và định danh điện tử",
    en: "Chip-based citizen ID cards and electronic identification: progress",
  },
  lead: {
    vi: "Xếp hạng các tỉnh, thành phố theo tỷ lệ hoàn thành chỉ tiêu, từ số liệu công an các cấp báo cáo hằng tuần.",
    en: "Provinces ranked by percent of target, from the figures police at every level report each week.",
  },
  provincesAsOf: {
    vi: (n: number, date: string) => `${n} tỉnh, thành phố, tính đến ${date}`,
    en: (n, date) => `${n} provinces, as of ${date}`,
  },
  structureNav: { vi: "Chọn cơ cấu hành chính", en: "Administrative structure" },
  structure34: { vi: "34 tỉnh (hiện nay)", en: "34 provinces (now)" },
  structure63: { vi: "63 tỉnh (trước 1/7/2025)", en: "63 provinces (before 1 July 2025)" },
  indicator: COMMON.indicator,
  asOf: COMMON.asOf,
  noFigures: {
    vi: (before2025: boolean) => `Chưa có số liệu cho chỉ tiêu này${before2025 ? " trước 1/7/2025" : ""}.`,
    en: (before2025) => `No figures for this indicator${before2025 ? " before 1 July 2025" : ""} yet.`,
  },
  noFiguresHow: { vi: "Số liệu được nhập bằng", en: "Figures are imported with" },
  noFiguresDemo: { vi: "hoặc dữ liệu mẫu", en: "or demo data with" },
  downloadCsv: { vi: "Tải bảng xếp hạng (CSV)", en: "Download the ranking (CSV)" },
  downloadExcel: { vi: "Báo cáo tuần, mọi chỉ tiêu (Excel)", en: "Weekly report, all indicators (Excel)" },
  downloadExcelPeriod: {
    vi: "Báo cáo kỳ này, mọi chỉ tiêu (Excel)",
    en: "This period's report, all indicators (Excel)",
  },
  downloadMap: { vi: "Tải bản đồ (PNG)", en: "Download the map (PNG)" },
  downloadChart: COMMON.downloadChart,
  mapHeading: { vi: "Bản đồ tỷ lệ hoàn thành", en: "Map of percent of target" },
  nationalHeadline: { vi: "Cả nước", en: "Whole country" },
  nationalValue: { vi: "Số liệu cả nước", en: "National figure" },
  nationalTarget: { vi: "Chỉ tiêu cả nước", en: "National target" },
  nationalPercent: COMMON.percentOfTarget,
  provincesDone: { vi: "Tỉnh, thành phố đã đạt", en: "Provinces that reached it" },
  nationalTrendHeading: {
    vi: "Cả nước so với chỉ tiêu theo thời gian",
    en: "The country against its target over time",
  },
  nationalTrendLabel: {
    vi: (indicator: string) => `Biểu đồ ${indicator} của cả nước theo thời gian, so với chỉ tiêu`,
    en: (indicator) => `Chart of ${indicator} for the whole country over time, against the target`,
  },
  period: { vi: "Kỳ báo cáo", en: "Reporting period" },
  byDate: { vi: "Theo ngày báo cáo (tuần)", en: "By reporting date (week)" },
  periodGroups: asPhrase(PERIOD_GROUPS),
  periodDates: {
    vi: (label: string, start: string, end: string) => `${label}: từ ${start} đến ${end}`,
    en: (label, start, end) => `${label}: ${start} to ${end}`,
  },
});
