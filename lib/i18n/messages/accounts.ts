import { asPhrase, type Phrase, phrases, plain } from "../phrase";
import accountsJson from "./accounts.json";
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
  "reset-second-factor": {
    vi: (u: string) =>
      `Đã đặt lại xác thực hai bước của ${u}; các phiên cũ đã kết thúc, lần đăng nhập tới ${u} cài lại ứng dụng xác thực.`,
    en: (u) =>
      `Reset the two-step sign-in of ${u}; its old sessions have ended and ${u} sets up an authenticator app again at the next sign-in.`,
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
  ...plain(accountsJson),
  done: asPhrase(DONE),
  username: COMMON.username,
  role: ROLE,
  unitCode: COMMON.unitCode,
  columns: asPhrase(COLUMNS),
  emailOf: { vi: (u: string) => `E-mail nhắc báo cáo của ${u}`, en: (u) => `Reminder e-mail of ${u}` },
  unlock: COMMON.unlock,
  resetSecondFactor: { vi: "Đặt lại xác thực hai bước", en: "Reset two-step sign-in" },
  withSecondFactor: { vi: "có xác thực hai bước", en: "two-step sign-in on" },
  shown: {
    vi: (n: string, all: boolean) => (all ? `${n} tài khoản` : `${n} tài khoản khớp`),
    en: (n: string, all: boolean) => (all ? `${n} accounts` : `${n} matching accounts`),
  },
});
