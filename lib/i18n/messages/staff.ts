import { asPhrase, type Phrase, phrases, plain } from "../phrase";
import { ROLES } from "../role-names";
import { COMMON } from "./common";
import staffJson from "./staff.json";
import passwordPageJson from "./staff-password-page.json";

// The staff pages' frame: header, sign-in and password change. Server messages (what to fix after a
// refused save) stay Vietnamese, the language of the records.
const CHANGE_PASSWORD: Phrase<string> = { vi: "Đổi mật khẩu", en: "Change password" };

const PAGES = phrases<Record<string, string>>({
  "/dieu-hanh": COMMON.dashboard,
  "/nhap-lieu": { vi: "Số liệu tuần", en: "Weekly figures" },
  "/chi-tieu": { vi: "Giao chỉ tiêu", en: "Targets" },
  "/nhap-tep": { vi: "Nhập từ tệp", en: "Import a file" },
  "/tai-khoan": { vi: "Tài khoản", en: "Accounts" },
  "/chi-so": { vi: "Chỉ số", en: "Indicators" },
  "/chat-luong": { vi: "Chất lượng số liệu", en: "Data quality" },
  "/doi-soat": { vi: "Đối chiếu", en: "Reconciliation" },
  "/cong-bo": { vi: "Công bố", en: "Publish" },
  "/nhat-ky": COMMON.changeLog,
  "/": { vi: "Bảng xếp hạng", en: "Leaderboard" },
});

const SIGN_IN_NOTICES = phrases<Record<string, string>>({
  invalid: { vi: "Sai tên đăng nhập hoặc mật khẩu.", en: "Wrong username or password." },
  "second-factor": {
    vi: "Tài khoản này đăng nhập hai bước: nhập cả mã xác thực.",
    en: "This account signs in in two steps: give its verification code too.",
  },
  expired: {
    vi: "Bước đăng nhập đã hết hạn; nhập lại tên đăng nhập và mật khẩu.",
    en: "This sign-in step has expired; enter your username and password again.",
  },
  limited: {
    vi: "Tài khoản hoặc địa chỉ này đang bị tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ít phút.",
    en: "This account or address is locked for a while after too many failed sign-ins. Try again in a few minutes.",
  },
});

export const STAFF = phrases({
  ...plain(staffJson),
  pages: asPhrase(PAGES),
  roles: asPhrase(ROLES),
  changePassword: CHANGE_PASSWORD,
  username: COMMON.username,
  signInNotices: asPhrase(SIGN_IN_NOTICES),
  /** The late banner's link: the overdue week it opens, named (not "this week"). */
  openOverdueWeek: {
    vi: (week: string) => `Mở báo cáo tuần kết thúc ${week} (đã quá hạn)`,
    en: (week) => `Open the overdue report for the week ending ${week}`,
  },
});

export const PASSWORD_PAGE = phrases({
  ...plain(passwordPageJson),
  title: CHANGE_PASSWORD,
  change: CHANGE_PASSWORD,
});
