import { asPhrase, phrases, plain } from "../phrase";
import auditJson from "./audit.json";
import { COMMON } from "./common";

// The change log's page (/nhat-ky): every entry, correction, submission, approval, return and unlock.
const ACTIONS = phrases<Record<string, string>>({
  create: { vi: "Nhập mới", en: "Entered" },
  update: { vi: "Sửa", en: "Corrected" },
  submit: { vi: "Gửi báo cáo", en: "Submitted" },
  approve: { vi: "Phê duyệt", en: "Approved" },
  unlock: { vi: "Mở khoá", en: "Unlocked" },
  return: { vi: "Trả lại", en: "Returned" },
  "indicator:create": { vi: "Tạo chỉ số", en: "Indicator defined" },
  "indicator:edit": { vi: "Sửa chỉ số", en: "Indicator edited" },
  "indicator:retire": { vi: "Ngừng sử dụng chỉ số", en: "Indicator retired" },
  "indicator:restore": { vi: "Dùng lại chỉ số", en: "Indicator restored" },
  "user:user-create": { vi: "Tạo tài khoản", en: "Account created" },
  "user:user-email": { vi: "Đặt e-mail nhắc báo cáo", en: "Reminder e-mail set" },
  "user:user-reset-password": { vi: "Đặt lại mật khẩu", en: "Password reset" },
  "user:user-disable": { vi: "Khoá tài khoản", en: "Account locked" },
  "user:user-enable": { vi: "Mở khoá tài khoản", en: "Account unlocked" },
  "publication:publish": { vi: "Công bố bảng xếp hạng", en: "Ranking published" },
  "user:user-second-factor-on": { vi: "Bật xác thực hai bước", en: "Two-step sign-in turned on" },
  "user:user-second-factor-off": { vi: "Tắt xác thực hai bước", en: "Two-step sign-in turned off" },
  "user:user-reset-second-factor": { vi: "Đặt lại xác thực hai bước", en: "Two-step sign-in reset" },
});

/** The kinds of change the log is filtered by. */
const KINDS = phrases<Record<string, string>>({
  entry: { vi: "Nhập, sửa tay", en: "Entered by hand" },
  import: { vi: "Nhập từ tệp", en: "Imported from a file" },
  admin: { vi: "Quản trị", en: "Administration" },
});

/** The fields of an indicator's or an account's change, as the log names them. */
const FIELDS = phrases<Record<string, string>>({
  code: { vi: "Mã", en: "Code" },
  kind: { vi: "Loại", en: "Kind" },
  nameVi: { vi: "Tên tiếng Việt", en: "Vietnamese name" },
  nameEn: { vi: "Tên tiếng Anh", en: "English name" },
  numerator: { vi: "Tử số", en: "Numerator" },
  denominator: { vi: "Mẫu số", en: "Denominator" },
  components: { vi: "Thành phần", en: "Components" },
  bands: { vi: "Ngưỡng xếp loại", en: "Bands" },
  enteredFrom: { vi: "Áp dụng từ tuần", en: "Entered from" },
  retiredOn: { vi: "Ngừng sử dụng từ", en: "Retired from" },
  reason: { vi: "Lý do", en: "Reason" },
  number: { vi: "Bản số", en: "Edition" },
  rankings: { vi: "Bảng xếp hạng", en: "Rankings" },
  corrections: { vi: "Đính chính", en: "Corrections" },
  week: { vi: "Tuần", en: "Week" },
  username: { vi: "Tài khoản", en: "Account" },
  displayName: { vi: "Họ tên", en: "Name" },
  role: { vi: "Vai trò", en: "Role" },
  unit: { vi: "Đơn vị", en: "Unit" },
  email: { vi: "E-mail", en: "E-mail" },
  disabled: { vi: "Khoá", en: "Locked" },
  passwordReset: { vi: "Mật khẩu mới", en: "New password" },
  secondFactor: { vi: "Xác thực hai bước", en: "Two-step sign-in" },
});

const YES_NO = phrases({ yes: { vi: "có", en: "yes" }, no: { vi: "không", en: "no" } });

const STATUSES = phrases<Record<string, string>>({
  OPEN: { vi: "chưa gửi", en: "not submitted" },
  SUBMITTED: { vi: "đã gửi", en: "submitted" },
  APPROVED: { vi: "đã duyệt", en: "approved" },
});

export const AUDIT = phrases({
  ...plain(auditJson),
  title: COMMON.changeLog,
  unitCode: COMMON.unitCode,
  indicator: COMMON.indicator,
  columns: {
    vi: [
      "Thời điểm",
      "Người thực hiện",
      "Thao tác",
      "Đơn vị",
      "Chỉ tiêu / tài khoản",
      "Giá trị cũ",
      "Giá trị mới",
      "Ngày số liệu",
    ],
    en: ["When", "Done by", "Action", "Unit", "Indicator / account", "Old value", "New value", "Figure date"],
  },
  actions: asPhrase(ACTIONS),
  kinds: asPhrase(KINDS),
  fields: asPhrase(FIELDS),
  yesNo: asPhrase(YES_NO),
  total: {
    vi: (n: string, capped: boolean) => `${capped ? "Hơn " : ""}${n} thay đổi`,
    en: (n: string, capped: boolean) => `${capped ? "Over " : ""}${n} changes`,
  },
  pageOf: {
    vi: (page: string, pages: string) => `Trang ${page}/${pages}`,
    en: (page: string, pages: string) => `Page ${page} of ${pages}`,
  },
  statuses: asPhrase(STATUSES),
});
