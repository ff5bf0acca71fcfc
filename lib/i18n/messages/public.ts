import { asPhrase, phrases, plain } from "../phrase";
import { COMMON } from "./common";
import publicJson from "./public.json";

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
  ...plain(publicJson),
  indicatorRetired: {
    vi: (date: string) => `Chỉ tiêu này đã ngừng sử dụng từ ngày ${date}; bảng xếp hạng dưới đây là số liệu lưu trữ.`,
    en: (date: string) => `This indicator was retired on ${date}; the ranking below is kept as history.`,
  },
  provincesAsOf: {
    vi: (n: number, date: string) => `${n} tỉnh, thành phố, tính đến ${date}`,
    en: (n, date) => `${n} provinces, as of ${date}`,
  },
  indicator: COMMON.indicator,
  asOf: COMMON.asOf,
  scoreInTopBand: {
    vi: (band: string) => `Tỉnh đạt nhóm cao nhất (≥ ${band})`,
    en: (band) => `Provinces in the top band (≥ ${band})`,
  },
  /** A saved picture's second line: what it shows and when. */
  pictureWhen: {
    vi: (what: string, date: string) => `${what}, số liệu đã phê duyệt tính đến ${date}`,
    en: (what, date) => `${what}, approved figures as of ${date}`,
  },
  dueBy: { vi: (date: string) => `hạn ${date}`, en: (date) => `due ${date}` },
  printFooter: {
    vi: (what: string, date: string) => `Nguồn: Đề án 06 – Bộ Công an. ${what}, số liệu đã phê duyệt tính đến ${date}.`,
    en: (what, date) => `Source: Project 06 – Ministry of Public Security. ${what}, approved figures as of ${date}.`,
  },
  /** The public pages read the official basis only: what was approved by the level above. */
  approvedAsOf: {
    vi: (date: string) => `Số liệu đã được cấp trên phê duyệt, tính đến ${date}.`,
    en: (date) => `Figures approved by the level above, as of ${date}.`,
  },
  approvedNone: {
    vi: "Chỉ hiện số liệu đã được cấp trên phê duyệt; chưa có số liệu nào được phê duyệt.",
    en: "Only figures approved by the level above are shown; none has been approved yet.",
  },
  noFigures: {
    vi: (before2025: boolean) => `Chưa có số liệu cho chỉ tiêu này${before2025 ? " trước 1/7/2025" : ""}.`,
    en: (before2025) => `No figures for this indicator${before2025 ? " before 1 July 2025" : ""} yet.`,
  },
  downloadChart: COMMON.downloadChart,
  nationalPercent: COMMON.percentOfTarget,
  nationalTrendLabel: {
    vi: (indicator: string) => `Biểu đồ ${indicator} của cả nước theo thời gian, so với chỉ tiêu`,
    en: (indicator) => `Chart of ${indicator} for the whole country over time, against the target`,
  },
  periodGroups: asPhrase(PERIOD_GROUPS),
  periodDates: {
    vi: (label: string, start: string, end: string) => `${label}: từ ${start} đến ${end}`,
    en: (label, start, end) => `${label}: ${start} to ${end}`,
  },
});
