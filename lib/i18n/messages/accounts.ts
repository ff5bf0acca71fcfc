import { asPhrase, type Phrase, phrases } from "../phrase";
import { COMMON } from "./common";

// The accounts page (/tai-khoan): creating, locking and resetting the accounts of the units below.
const ROLE: Phrase<string> = { vi: "Vai trò", en: "Role" };

const DONE = phrases<Record<string, (username: string) => string>>({
  create: { vi: (u: string) => `Đã tạo tài khoản ${u}.`, en: (u) => `Created the account ${u}.` },
  disable: {
    vi: (u: string) => `Đã khoá ${u}; mọi phiên đăng nhập của tài khoản đã kết thúc.`,
    en: (u) => `Locked ${u}; every session of the account has ended.`,
  },
  enable: { vi: (u: string) => `Đã mở khoá ${u}.`, en: (u) => `Unlocked ${u}.` },
  "reset-password": {
    vi: (u: string) => `Đã đặt lại mật khẩu của ${u}; các phiên cũ đã kết thúc.`,
    en: (u) => `Reset the password of ${u}; its old sessions have ended.`,
  },
  "set-email": {
    vi: (u: string) => `Đã lưu e-mail nhắc báo cáo của ${u}.`,
    en: (u) => `Saved the reminder e-mail of ${u}.`,
  },
});

const COLUMNS = phrases({
  account: { vi: "Tài khoản", en: "Account" },
  role: ROLE,
  unit: COMMON.unit,
  email: { vi: "E-mail nhắc báo cáo", en: "Reminder e-mail" },
  state: { vi: "Trạng thái", en: "Status" },
  actions: { vi: "Thao tác", en: "Actions" },
});

export const ACCOUNTS = phrases({
  title: { vi: "Tài khoản trong phạm vi quản lý", en: "Accounts you manage" },
  lead: {
    vi: "Tạo tài khoản cho cán bộ của đơn vị mình và cấp dưới, khoá tài khoản khi cán bộ chuyển công tác (mọi phiên đăng nhập kết thúc ngay), đặt lại mật khẩu khi cán bộ quên.",
    en: "Create accounts for the officers of your unit and the units below, lock an account when an officer moves on (every session ends at once), reset a forgotten password.",
  },
  lost: {
    vi: "Mất kết nối tới máy chủ; thử lại (không ghi trùng).",
    en: "Lost the connection to the server; try again (nothing is written twice).",
  },
  done: asPhrase(DONE),
  doneOther: { vi: "Đã xong.", en: "Done." },
  replayed: {
    vi: " (Yêu cầu này đã được thực hiện trước đó; mật khẩu chỉ hiện ở lần đầu.)",
    en: " (This request was carried out before; the password is shown only the first time.)",
  },
  username: COMMON.username,
  name: { vi: "Họ tên", en: "Full name" },
  role: ROLE,
  unitCode: COMMON.unitCode,
  unitHint: { vi: "01, 001 hoặc 00004", en: "01, 001 or 00004" },
  email: { vi: "E-mail nhắc báo cáo (không bắt buộc)", en: "Reminder e-mail (optional)" },
  create: { vi: "Tạo tài khoản", en: "Create the account" },
  password: { vi: "Mật khẩu:", en: "Password:" },
  passwordOnce: {
    vi: "— chỉ hiện một lần; trao trực tiếp cho cán bộ, không gửi qua tin nhắn.",
    en: "— shown only once; hand it to the officer in person, never by message.",
  },
  columns: asPhrase(COLUMNS),
  country: { vi: "toàn quốc", en: "whole country" },
  emailOf: { vi: (u: string) => `E-mail nhắc báo cáo của ${u}`, en: (u) => `Reminder e-mail of ${u}` },
  save: { vi: "Lưu", en: "Save" },
  locked: { vi: "Đã khoá", en: "Locked" },
  active: { vi: "Đang dùng", en: "Active" },
  yours: { vi: "Tài khoản của bạn", en: "Your account" },
  sameOrHigher: { vi: "Vai trò ngang hoặc cao hơn", en: "Same or higher role" },
  unlock: COMMON.unlock,
  lock: { vi: "Khoá", en: "Lock" },
  reset: { vi: "Đặt lại mật khẩu", en: "Reset password" },
});
