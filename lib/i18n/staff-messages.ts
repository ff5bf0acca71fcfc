import { ROLE_NAMES } from "@/lib/access/actor";
import type { Role, UnitLevel } from "@/lib/generated/prisma/enums";
import type { Locale } from "./locale";

// The staff pages' shared words (header, sign-in, dashboard) in both languages. Server
// messages (what to fix after a refused save) stay Vietnamese, the language of the records.
const vi = {
  brand: "Đề án 06",
  nav: "Chức năng",
  pages: {
    "/dieu-hanh": "Điều hành",
    "/nhap-lieu": "Số liệu tuần",
    "/chi-tieu": "Giao chỉ tiêu",
    "/nhap-tep": "Nhập từ tệp",
    "/tai-khoan": "Tài khoản",
    "/nhat-ky": "Nhật ký thay đổi",
    "/": "Bảng xếp hạng",
  } as Record<string, string>,
  roles: ROLE_NAMES as Record<Role, string>,
  changePassword: "Đổi mật khẩu",
  signOut: "Đăng xuất",

  signInTitle: "Đăng nhập cán bộ",
  signInLead:
    "Nhập số liệu, phê duyệt và theo dõi tiến độ Đề án 06 của đơn vị mình. Tài khoản do quản trị cấp trên cấp.",
  username: "Tên đăng nhập",
  password: "Mật khẩu",
  signIn: "Đăng nhập",
  signingIn: "Đang đăng nhập…",
  backToPublic: "← Bảng xếp hạng công khai",
  signInNotices: {
    invalid: "Sai tên đăng nhập hoặc mật khẩu.",
    limited: "Tài khoản hoặc địa chỉ này đang bị tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ít phút.",
  } as Record<string, string>,

  dashboard: "Điều hành",
  country: "Toàn quốc",
  asOfLine: (indicator: string, date: string) => `${indicator}, tính đến ${date}`,
  up: "↑ Cấp trên",
  indicator: "Chỉ tiêu",
  asOf: "Tính đến ngày",
  show: "Xem",
  headline: "Số liệu chính",
  value: "Số liệu",
  none: "chưa có",
  target: "Chỉ tiêu",
  notAssigned: "chưa giao",
  deadline: (date: string) => `hạn ${date}`,
  percent: "Tỷ lệ hoàn thành",
  forecastWord: "Dự báo",
  forecast: (date: string, late: boolean) => `dự báo đạt ${date}${late ? " (sau hạn)" : ""}`,
  done: "Đơn vị đã đạt",
  atRiskCount: "Đơn vị có nguy cơ trễ hạn",
  trend: "Diễn biến so với chỉ tiêu",
  trendLabel: (indicator: string, scope: string) =>
    `Biểu đồ ${indicator} của ${scope} theo thời gian, với dự báo đến hạn`,
  downloadChart: "Tải biểu đồ (PNG)",
  forecastNote: (deadline: string, value: string) =>
    `Đường nét đứt: dự báo đến hạn ${deadline} theo tốc độ 4 tuần gần nhất (${value}).`,
  noPoints: "Chưa có số liệu cho chỉ tiêu này. Số liệu xuất hiện ngay khi cấp dưới lưu.",
  atRisk: (n: string) => `Có nguy cơ trễ hạn (${n})`,
  riskLine: (percent: string, deadline: string, forecast: string | null) =>
    `${percent} · hạn ${deadline} · ${forecast ? `dự báo ${forecast}` : "không tiến triển 4 tuần qua"}`,
  noRisk: "Không đơn vị nào có nguy cơ trễ hạn theo tốc độ hiện tại.",
  ranking: (level: UnitLevel) =>
    `Xếp hạng ${{ PROVINCE: "tỉnh, thành phố", DISTRICT: "quận, huyện", COMMUNE: "xã, phường" }[level]}`,
  levelUnits: { PROVINCE: "Tỉnh, thành phố", DISTRICT: "Quận, huyện", COMMUNE: "Xã, phường" } as Record<
    UnitLevel,
    string
  >,
  districtsDone: "Huyện xong",
  communesDone: "Xã xong",
  downloadWeekly: "Tải báo cáo tuần, mọi chỉ tiêu (Excel)",

  weekHeading: (date: string) => `Báo cáo tuần kết thúc ${date}`,
  weekCounts: (withFigures: string, total: string, submitted: string, approved: string) =>
    `Có số liệu ${withFigures}/${total} · đã gửi ${submitted} · đã duyệt ${approved}`,
  dueLine: (submit: string, approve: string) => `Hạn gửi ${submit} · hạn duyệt ${approve}`,
  lateHeading: (n: string) => `Quá hạn (${n}):`,
  lateList: "Đơn vị quá hạn báo cáo",
  allApproved: "Tất cả đơn vị đã được duyệt báo cáo tuần này.",
  noneLate: "Chưa đơn vị nào quá hạn.",
  notYet: (n: string) => `Chưa hết hạn, chưa xong (${n}):`,

  notices: "Nhắc báo cáo quá hạn",
  openWeek: "Mở báo cáo tuần này",
  seeBelow: "Xem tình hình báo cáo của cấp dưới",
};

export type StaffMessages = typeof vi;

const en: StaffMessages = {
  brand: "Đề án 06",
  nav: "Sections",
  pages: {
    "/dieu-hanh": "Dashboard",
    "/nhap-lieu": "Weekly figures",
    "/chi-tieu": "Targets",
    "/nhap-tep": "Import a file",
    "/tai-khoan": "Accounts",
    "/nhat-ky": "Change log",
    "/": "Leaderboard",
  },
  roles: {
    COMMUNE_OFFICER: "Commune police officer",
    DISTRICT_OFFICER: "District police officer",
    PROVINCE_OFFICER: "Provincial police officer (PC06)",
    PROVINCE_ADMIN: "Province administrator",
    MINISTRY_ADMIN: "Ministry administrator (C06)",
    LEADERSHIP_VIEWER: "Leadership (read only)",
  },
  changePassword: "Change password",
  signOut: "Sign out",

  signInTitle: "Staff sign-in",
  signInLead:
    "Enter figures, approve reports and follow your unit's Đề án 06 progress. Accounts are issued by the level above.",
  username: "Username",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  backToPublic: "← Public leaderboard",
  signInNotices: {
    invalid: "Wrong username or password.",
    limited:
      "This account or address is locked for a while after too many failed sign-ins. Try again in a few minutes.",
  },

  dashboard: "Dashboard",
  country: "Whole country",
  asOfLine: (indicator, date) => `${indicator}, as of ${date}`,
  up: "↑ Level above",
  indicator: "Indicator",
  asOf: "As of",
  show: "Show",
  headline: "Key figures",
  value: "Figure",
  none: "none yet",
  target: "Target",
  notAssigned: "not assigned",
  deadline: (date) => `due ${date}`,
  percent: "Percent of target",
  forecastWord: "Forecast",
  forecast: (date, late) => `forecast to reach it ${date}${late ? " (after the deadline)" : ""}`,
  done: "Units that reached it",
  atRiskCount: "Units at risk of missing the deadline",
  trend: "Progress against the target",
  trendLabel: (indicator, scope) => `Chart of ${indicator} for ${scope} over time, with the forecast to the deadline`,
  downloadChart: "Download the chart (PNG)",
  forecastNote: (deadline, value) =>
    `Dashed line: forecast to the deadline ${deadline} at the pace of the last 4 weeks (${value}).`,
  noPoints: "No figures for this indicator yet. They appear as soon as the level below saves them.",
  atRisk: (n) => `At risk of missing the deadline (${n})`,
  riskLine: (percent, deadline, forecast) =>
    `${percent} · due ${deadline} · ${forecast ? `forecast ${forecast}` : "no progress in the last 4 weeks"}`,
  noRisk: "No unit is at risk of missing the deadline at the current pace.",
  ranking: (level) => `${{ PROVINCE: "Provinces", DISTRICT: "Districts", COMMUNE: "Communes" }[level]} ranked`,
  levelUnits: { PROVINCE: "Province", DISTRICT: "District", COMMUNE: "Commune" },
  districtsDone: "Districts done",
  communesDone: "Communes done",
  downloadWeekly: "Download the weekly report, every indicator (Excel)",

  weekHeading: (date) => `Reports for the week ending ${date}`,
  weekCounts: (withFigures, total, submitted, approved) =>
    `With figures ${withFigures}/${total} · submitted ${submitted} · approved ${approved}`,
  dueLine: (submit, approve) => `Due for submission ${submit} · for approval ${approve}`,
  lateHeading: (n) => `Late (${n}):`,
  lateList: "Units late with their report",
  allApproved: "Every unit's report for this week is approved.",
  noneLate: "No unit is late yet.",
  notYet: (n) => `Not due yet, not finished (${n}):`,

  notices: "Late report reminders",
  openWeek: "Open this week's report",
  seeBelow: "See the reports of the units below",
};

export function staffMessages(locale: Locale): StaffMessages {
  return locale === "en" ? en : vi;
}
