import { asPhrase, phrases, plain } from "../phrase";
import importsJson from "./imports.json";

// The file import page (/nhap-tep): figures or targets from a .csv or .xlsx file.
const WHAT = phrases<Record<string, string>>({
  figures: { vi: "số liệu", en: "figures" },
  targets: { vi: "chỉ tiêu", en: "targets" },
});

export const IMPORTS = phrases({
  ...plain(importsJson),
  lead: {
    vi: (role: string) =>
      `Mọi dòng được kiểm tra trước; tệp có lỗi không ghi gì. Chỉ nhận đơn vị trong phạm vi của tài khoản (${role}); tuần đã được phê duyệt không sửa được bằng tệp.`,
    en: (role) =>
      `Every row is checked first; a file with errors writes nothing. Only units within the account's scope (${role}); approved weeks cannot be changed by a file.`,
  },
  readOnly: {
    vi: (role: string) => `Tài khoản ${role} chỉ xem số liệu, không nhập. Liên hệ quản trị nếu cần quyền nhập.`,
    en: (role) => `A ${role} account reads figures, it does not enter them. Ask an administrator for entry rights.`,
  },
  checking: {
    vi: (file: string) => `Đang kiểm tra từng dòng của ${file}…`,
    en: (file) => `Checking every row of ${file}…`,
  },
  writing: { vi: (file: string) => `Đang ghi ${file}…`, en: (file) => `Writing ${file}…` },
  serverError: {
    vi: (status: number) => `Máy chủ trả lời lỗi ${status}; thử lại sau.`,
    en: (status) => `The server answered with error ${status}; try again later.`,
  },
  what: asPhrase(WHAT),
  failed: {
    vi: (file: string, errors: string, rows: string) =>
      `${file}: ${errors} lỗi trong ${rows} dòng. Chưa ghi gì. Sửa các dòng dưới đây rồi kiểm tra lại.`,
    en: (file, errors, rows) =>
      `${file}: ${errors} errors in ${rows} rows. Nothing was written. Fix the rows below and check again.`,
  },
  imported: {
    vi: (rows: string, what: string, inserted: string, updated: string, unchanged: string) =>
      `Đã nhập ${rows} dòng ${what}: thêm ${inserted}, cập nhật ${updated}, không đổi ${unchanged}. Mọi thay đổi đã ghi vào nhật ký.`,
    en: (rows, what, inserted, updated, unchanged) =>
      `Imported ${rows} rows of ${what}: ${inserted} added, ${updated} updated, ${unchanged} unchanged. Every change is in the change log.`,
  },
  valid: {
    vi: (file: string, rows: string, what: string, scope: string, warnings: string | null) =>
      `${file}: ${rows} dòng ${what} hợp lệ, trong phạm vi ${scope}${warnings ? `; ${warnings} cảnh báo cần xem lại` : ""}. Chưa ghi gì.`,
    en: (file, rows, what, scope, warnings) =>
      `${file}: ${rows} valid rows of ${what}, within ${scope}${warnings ? `; ${warnings} warnings to review` : ""}. Nothing written yet.`,
  },
  importRows: { vi: (rows: string) => `Nhập ${rows} dòng vào hệ thống`, en: (rows) => `Import ${rows} rows` },
  firstShown: { vi: (n: string) => ` (hiện ${n} dòng đầu)`, en: (n) => ` (first ${n} rows shown)` },
  problemColumns: { vi: ["Dòng", "Cột", "Vấn đề"], en: ["Row", "Column", "Problem"] },
});
