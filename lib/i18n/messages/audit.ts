import { asPhrase, phrases, plain } from "../phrase";
import auditJson from "./audit.json";
import { COMMON } from "./common";

// The change log's page (/nhat-ky): every entry, correction, submission, approval and unlock.
const ACTIONS = phrases<Record<string, string>>({
  create: { vi: "Nhập mới", en: "Entered" },
  update: { vi: "Sửa", en: "Corrected" },
  submit: { vi: "Gửi báo cáo", en: "Submitted" },
  approve: { vi: "Phê duyệt", en: "Approved" },
  unlock: { vi: "Mở khoá", en: "Unlocked" },
});

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
    vi: ["Thời điểm", "Người thực hiện", "Thao tác", "Đơn vị", "Chỉ tiêu", "Giá trị cũ", "Giá trị mới", "Ngày số liệu"],
    en: ["When", "Done by", "Action", "Unit", "Indicator", "Old value", "New value", "Figure date"],
  },
  actions: asPhrase(ACTIONS),
  statuses: asPhrase(STATUSES),
});
