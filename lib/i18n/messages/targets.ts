import { phrases } from "../phrase";
import { COMMON } from "./common";

// The targets page (/chi-tieu): assigning targets to the units below.
export const TARGETS = phrases({
  mustBeWhole: {
    vi: (names: string) => `Chỉ tiêu của ${names} phải là số nguyên lớn hơn 0.`,
    en: (names) => `The targets of ${names} must be whole numbers above 0.`,
  },
  nothingChanged: { vi: "Chưa sửa chỉ tiêu nào.", en: "No target has been changed." },
  needDeadline: {
    vi: "Điền hạn hoàn thành và số hiệu văn bản giao chỉ tiêu trước khi giao.",
    en: "Fill in the deadline and the directive's number before assigning.",
  },
  lost: {
    vi: "Mất kết nối; bấm Giao chỉ tiêu lần nữa (không ghi trùng).",
    en: "Lost the connection; press Assign again (nothing is written twice).",
  },
  assigned: {
    vi: (created: string, updated: string) => `Đã giao chỉ tiêu: mới ${created}, sửa ${updated}.`,
    en: (created, updated) => `Targets assigned: ${created} new, ${updated} changed.`,
  },
  title: {
    vi: (unit: string | null) => `Giao chỉ tiêu${unit ? ` – ${unit}` : " cho các tỉnh, thành phố"}`,
    en: (unit) => `Assign targets${unit ? ` – ${unit}` : " to the provinces"}`,
  },
  up: COMMON.up,
  indicators: { vi: "Chỉ tiêu", en: "Indicators" },
  summary: { vi: "Tổng hợp", en: "Summary" },
  ownTarget: {
    vi: (unit: string | null) => `Chỉ tiêu của ${unit ?? "toàn quốc"}`,
    en: (unit) => `Target of ${unit ?? "the whole country"}`,
  },
  notAssignedOwn: { vi: "Chưa được giao", en: "Not assigned" },
  due: {
    vi: (date: string, directive: string) => `hạn ${date} · ${directive}`,
    en: (date, directive) => `due ${date} · ${directive}`,
  },
  childrenTotal: { vi: "Tổng giao cho cấp dưới", en: "Total assigned below" },
  editing: { vi: (n: string) => `gồm ${n} dòng đang sửa`, en: (n) => `including ${n} rows being edited` },
  difference: { vi: "Chênh lệch", en: "Difference" },
  short: {
    vi: (n: string) => `Tổng chỉ tiêu cấp dưới thấp hơn chỉ tiêu được giao ${n}.`,
    en: (n) => `The targets below fall short of the target assigned by ${n}.`,
  },
  noChildren: {
    vi: "Đơn vị này không có cấp dưới để giao chỉ tiêu.",
    en: "This unit has no units below it to assign targets to.",
  },
  deadline: { vi: "Hạn hoàn thành", en: "Deadline" },
  directive: { vi: "Văn bản giao chỉ tiêu", en: "Directive assigning the targets" },
  directiveHint: { vi: "Ví dụ: Điện số 16/HT ngày 21/3/2026", en: "For example: Điện số 16/HT ngày 21/3/2026" },
  assigning: { vi: "Đang giao…", en: "Assigning…" },
  assign: { vi: (n: string) => `Giao chỉ tiêu (${n} đơn vị)`, en: (n) => `Assign targets (${n} units)` },
  readOnly: {
    vi: "Chỉ cấp trên của các đơn vị này được giao chỉ tiêu; trang chỉ để xem.",
    en: "Only the level above these units assigns their targets; this page is for reading.",
  },
  columns: {
    vi: ["Đơn vị", "Chỉ tiêu hiện hành", "Hạn · văn bản", "Chỉ tiêu mới"],
    en: ["Unit", "Target in force", "Deadline · directive", "New target"],
  },
  notAssigned: COMMON.notAssigned,
  newFor: { vi: (name: string) => `Chỉ tiêu mới của ${name}`, en: (name) => `New target of ${name}` },
  total: { vi: "Tổng", en: "Total" },
  conflicts: {
    vi: "Có người vừa giao chỉ tiêu khác cho các đơn vị sau; chưa ghi gì:",
    en: "Someone has just assigned other targets to these units; nothing was written:",
  },
  conflictLine: {
    vi: (unit: string, yours: string, current: string, on: string | null) =>
      `${unit}: bạn nhập ${yours}, hiện là ${current}${on ? ` (giao ngày ${on})` : ""}.`,
    en: (unit, yours, current, on) =>
      `${unit}: you entered ${yours}, it is now ${current}${on ? ` (assigned on ${on})` : ""}.`,
  },
  none: { vi: "chưa có", en: "none" },
  reload: { vi: "Tải lại chỉ tiêu hiện hành", en: "Reload the targets in force" },
});
