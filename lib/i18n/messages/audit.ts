import { asPhrase, phrases } from "../phrase";
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
  title: COMMON.changeLog,
  lead: {
    vi: "Mọi lần nhập, sửa, gửi, phê duyệt và mở khoá trong phạm vi đơn vị của bạn. Nhật ký không thể sửa hay xoá.",
    en: "Every entry, correction, submission, approval and unlock within your unit. The log cannot be changed or deleted.",
  },
  unitCode: COMMON.unitCode,
  indicator: COMMON.indicator,
  all: { vi: "Tất cả", en: "All" },
  user: { vi: "Người thực hiện", en: "Done by" },
  from: { vi: "Từ ngày", en: "From" },
  to: { vi: "Đến ngày", en: "To" },
  filter: { vi: "Lọc", en: "Filter" },
  none: {
    vi: "Không có thay đổi nào khớp bộ lọc. Bỏ bớt điều kiện lọc để xem thêm.",
    en: "No change matches the filter. Remove some conditions to see more.",
  },
  columns: {
    vi: ["Thời điểm", "Người thực hiện", "Thao tác", "Đơn vị", "Chỉ tiêu", "Giá trị cũ", "Giá trị mới", "Ngày số liệu"],
    en: ["When", "Done by", "Action", "Unit", "Indicator", "Old value", "New value", "Figure date"],
  },
  actions: asPhrase(ACTIONS),
  statuses: asPhrase(STATUSES),
  truncated: {
    vi: "Chỉ hiện 500 thay đổi mới nhất; thu hẹp bộ lọc để xem các thay đổi cũ hơn.",
    en: "Only the newest 500 changes are shown; narrow the filter to see older ones.",
  },
});
