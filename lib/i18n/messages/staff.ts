import { asPhrase, type Phrase, phrases } from "../phrase";
import { ROLES } from "../role-names";
import { COMMON } from "./common";

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
  "/nhat-ky": COMMON.changeLog,
  "/": { vi: "Bảng xếp hạng", en: "Leaderboard" },
});

const SIGN_IN_NOTICES = phrases<Record<string, string>>({
  invalid: { vi: "Sai tên đăng nhập hoặc mật khẩu.", en: "Wrong username or password." },
  limited: {
    vi: "Tài khoản hoặc địa chỉ này đang bị tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ít phút.",
    en: "This account or address is locked for a while after too many failed sign-ins. Try again in a few minutes.",
  },
});

export const STAFF = phrases({
  brand: { vi: "Đề án 06", en: "Đề án 06" },
  nav: { vi: "Chức năng", en: "Sections" },
  pages: asPhrase(PAGES),
  roles: asPhrase(ROLES),
  changePassword: CHANGE_PASSWORD,
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  signInTitle: { vi: "Đăng nhập cán bộ", en: "Staff sign-in" },
  signInLead: {
    vi: "Nhập số liệu, phê duyệt và theo dõi tiến độ Đề án 06 của đơn vị mình. Tài khoản do quản trị cấp trên cấp.",
    en: "Enter figures, approve reports and follow your unit's Đề án 06 progress. Accounts are issued by the level above.",
  },
  username: COMMON.username,
  password: { vi: "Mật khẩu", en: "Password" },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signingIn: { vi: "Đang đăng nhập…", en: "Signing in…" },
  backToPublic: { vi: "← Bảng xếp hạng công khai", en: "← Public leaderboard" },
  signInNotices: asPhrase(SIGN_IN_NOTICES),
});

export const PASSWORD_PAGE = phrases({
  title: CHANGE_PASSWORD,
  mustChange: {
    vi: "Mật khẩu này do quản trị cấp cho bạn. Hãy chọn mật khẩu của riêng mình trước khi tiếp tục: chỉ bạn biết mật khẩu mới.",
    en: "This password was given to you by an administrator. Choose your own before going on: only you will know the new one.",
  },
  othersEnd: {
    vi: "Sau khi đổi, các phiên đăng nhập khác của tài khoản (máy khác, trình duyệt khác) kết thúc ngay.",
    en: "Once changed, the account's other sessions (other devices, other browsers) end at once.",
  },
  rules: {
    vi: "Mật khẩu mới cần ít nhất 10 ký tự (không tính khoảng trắng ở đầu và cuối), khác mật khẩu đang dùng và mật khẩu dùng trước đó.",
    en: "The new password needs at least 10 characters (spaces at either end do not count) and must differ from the current one and the one before it.",
  },
  current: { vi: "Mật khẩu đang dùng", en: "Current password" },
  next: { vi: "Mật khẩu mới (ít nhất 10 ký tự)", en: "New password (at least 10 characters)" },
  confirm: { vi: "Nhập lại mật khẩu mới", en: "New password again" },
  change: CHANGE_PASSWORD,
  changing: { vi: "Đang đổi…", en: "Changing…" },
});
