import type { Locale } from "../locale";
import { asPhrase, phrases } from "../phrase";
import { many } from "../plural";
import { COMMON } from "./common";

// The weekly entry page (/nhap-lieu). The rules' own messages (a cell that is not a number, a figure
// lower than last week) come from lib/figures and stay Vietnamese.
const STATUS = phrases({
  OPEN: { vi: "Chưa gửi", en: "Not submitted" },
  SUBMITTED: { vi: "Đã gửi, chờ duyệt", en: "Submitted, awaiting approval" },
  APPROVED: { vi: "Đã duyệt, đã khoá", en: "Approved, locked" },
});

export const ENTRY = phrases({
  locale: { vi: "vi" as Locale, en: "en" },
  country: COMMON.country,
  weekOf: {
    vi: (date: string) => `Số liệu tuần kết thúc Chủ nhật ${date}`,
    en: (date) => `Figures for the week ending Sunday ${date}`,
  },
  reportedOf: {
    vi: (reported: number, total: number) => ` · đã báo cáo ${reported}/${total} đơn vị`,
    en: (reported, total) => ` · ${reported}/${total} units reported`,
  },
  week: { vi: "Tuần báo cáo", en: "Reporting week" },
  show: COMMON.show,
  columnGroups: { vi: "Nhóm chỉ tiêu", en: "Indicator group" },
  countColumns: { vi: "Số đếm", en: "Counts" },
  ratioColumns: { vi: "Tỷ lệ, danh mục", en: "Ratios, checklists" },
  leaveWeek: { vi: "Số liệu chưa lưu sẽ mất. Chuyển tuần?", en: "Unsaved figures will be lost. Change week?" },
  reportOf: { vi: (name: string) => `Báo cáo của ${name}:`, en: (name) => `Report of ${name}:` },
  approvedBy: { vi: (who: string) => ` · duyệt bởi ${who}`, en: (who) => ` · approved by ${who}` },
  saveAndSubmit: { vi: "Lưu và gửi báo cáo", en: "Save and submit the report" },
  submit: { vi: "Gửi báo cáo", en: "Submit the report" },
  approve: { vi: "Phê duyệt", en: "Approve" },
  unlock: COMMON.unlock,
  submitFor: { vi: "Gửi thay", en: "Submit for it" },
  locked: {
    vi: "Báo cáo đã khoá; cần cấp đã duyệt mở khoá nếu phải sửa.",
    en: "The report is locked; the level that approved it must unlock it for changes.",
  },
  status: asPhrase(STATUS),
  indicator: COMMON.indicator,
  lastWeek: { vi: "Tuần trước", en: "Last week" },
  thisWeek: { vi: "Tuần này", en: "This week" },
  unit: COMMON.unit,
  report: { vi: "Báo cáo", en: "Report" },
  notReported: { vi: "(chưa báo cáo)", en: "(not reported)" },
  total: { vi: (n: number) => `Tổng ${n} đơn vị`, en: (n) => `Total of ${n} ${many(n, "unit", "units")}` },
  save: { vi: "Lưu số liệu", en: "Save figures" },
  saving: { vi: "Đang lưu…", en: "Saving…" },
  unsaved: {
    vi: (n: number) => `${n} ô đã sửa, chưa lưu.`,
    en: (n) => `${n} ${many(n, "cell", "cells")} changed, not saved.`,
  },
  nothingUnsaved: { vi: "Không có thay đổi chưa lưu.", en: "No unsaved changes." },
  gridHelp: { vi: " Mũi tên/Enter để di chuyển; dán được từ Excel.", en: " Arrows/Enter to move; paste from Excel." },
  pasted: {
    vi: (n: number) => `Đã dán ${n} dòng; kiểm tra rồi bấm Lưu.`,
    en: (n) => `Pasted ${n} ${many(n, "row", "rows")}; check them, then Save.`,
  },
  saved: {
    vi: (changed: number, unchanged: number) =>
      `Đã lưu ${changed} số liệu${unchanged ? ` (${unchanged} ô không đổi)` : ""}.`,
    en: (changed, unchanged) =>
      `Saved ${changed} ${many(changed, "figure", "figures")}${unchanged ? ` (${unchanged} unchanged)` : ""}.`,
  },
  fixCells: {
    vi: (cells: string) => `Sửa các ô chưa hợp lệ trước khi lưu: ${cells}.`,
    en: (cells) => `Fix the invalid cells before saving: ${cells}.`,
  },
  lostConnection: { vi: "Mất kết nối tới máy chủ.", en: "Lost the connection to the server." },
  lostConnectionReport: {
    vi: "Mất kết nối tới máy chủ; tải lại trang để xem trạng thái báo cáo.",
    en: "Lost the connection to the server; reload the page to see the report's status.",
  },
  conflictNotSaved: {
    vi: "Chưa lưu: có người đã sửa số liệu này sau khi bạn mở trang. Xem và chọn giá trị bên dưới.",
    en: "Not saved: someone changed these figures after you opened the page. See and choose below.",
  },
  weekStillQueued: {
    vi: "Còn số liệu của tuần này lưu trên máy, chưa gửi. Khi có mạng, chờ gửi xong rồi gửi báo cáo.",
    en: "Figures of this week are still waiting on this device. Once online, wait until they are sent, then submit.",
  },
  keptOnDevice: {
    vi: (n: number) =>
      `Đã lưu trên máy ${n} số liệu, sẽ gửi khi có mạng. Đừng xoá dữ liệu trình duyệt trước khi gửi xong.`,
    en: (n) =>
      `Saved ${n} ${many(n, "figure", "figures")} on this device; they will be sent when the network is back. Do not clear the browser's data before then.`,
  },
  queuedWhat: {
    vi: (n: number, at: string) => `${n} số liệu lưu trên máy lúc ${at}`,
    en: (n, at) => `${n} ${many(n, "figure", "figures")} saved on this device at ${at}`,
  },
  queuedWeek: { vi: (week: string) => ` (tuần ${week})`, en: (week) => ` (week ${week})` },
  sent: { vi: (what: string) => `Đã gửi ${what}.`, en: (what) => `Sent ${what}.` },
  sentConflictHere: {
    vi: (what: string) =>
      `Chưa gửi được ${what}: có người đã sửa số liệu này trong lúc đó. Xem và chọn giá trị bên dưới.`,
    en: (what) => `Could not send ${what}: someone changed these figures meanwhile. See and choose below.`,
  },
  sentConflictElsewhere: {
    vi: (what: string) => `Chưa gửi được ${what}: có người đã sửa số liệu trong lúc đó. Mở tuần đó để xem và nhập lại.`,
    en: (what) =>
      `Could not send ${what}: someone changed the figures meanwhile. Open that week to see them and enter again.`,
  },
  sendRefused: {
    vi: (what: string, why: string) => `Không gửi được ${what}: ${why}`,
    en: (what, why) => `Could not send ${what}: ${why}`,
  },
  signedOut: {
    vi: "Phiên đăng nhập đã hết; số liệu vẫn giữ trên máy. Đăng nhập lại để gửi.",
    en: "The session has ended; the figures are still on this device. Sign in again to send them.",
  },
  otherAccountSignedIn: {
    vi:
      "Chưa gửi: trên máy này đang đăng nhập một tài khoản khác, không phải tài khoản của trang này. " +
      "Số liệu vẫn giữ trên máy, sẽ gửi khi bạn đăng nhập lại.",
    en:
      "Not sent: another account, not this page's, is signed in on this device. " +
      "The figures are still on this device and will be sent when you sign in again.",
  },
  othersWaiting: {
    vi: (n: number) =>
      `Trên máy này có ${n} lượt lưu của tài khoản khác đang chờ gửi. ` +
      "Chúng không được gửi dưới tài khoản của bạn; sẽ được gửi khi tài khoản đó đăng nhập lại.",
    en: (n) =>
      `${n} ${many(n, "save", "saves")} made by another account ${n === 1 ? "waits" : "wait"} on this device. ` +
      "They are not sent under your account; they will be sent when that account signs in again.",
  },
  offline: {
    vi: "Đang mất mạng. Bấm Lưu như thường: số liệu được lưu trên máy này và tự gửi khi có mạng.",
    en: "No network. Save as usual: figures are kept on this device and sent when the network is back.",
  },
  waiting: {
    vi: (n: number) => `Chờ gửi: ${n} số liệu đã lưu trên máy, sẽ gửi khi có mạng`,
    en: (n) => `Waiting: ${n} ${many(n, "figure", "figures")} saved on this device, to be sent when online`,
  },
  sending: { vi: "Đang gửi…", en: "Sending…" },
  sendNow: { vi: "Gửi ngay", en: "Send now" },
  queuedLine: {
    vi: (week: string, n: number, at: string) => `Tuần ${week} · ${n} số liệu · lưu lúc ${at}`,
    en: (week, n, at) => `Week ${week} · ${n} ${many(n, "figure", "figures")} · saved at ${at}`,
  },
  pageKept: {
    vi: "Trang này đã lưu trên máy: mở được cả khi mất mạng.",
    en: "This page is kept on this device: it opens with no network too.",
  },
  checkFirst: {
    vi: (n: number) => `Kiểm tra lại trước khi lưu (${n} cảnh báo)`,
    en: (n) => `Check before saving (${n} ${many(n, "warning", "warnings")})`,
  },
  saveAnyway: { vi: "Vẫn lưu", en: "Save anyway" },
  review: { vi: "Xem lại", en: "Review" },
  conflicts: { vi: "Số liệu đã bị người khác sửa", en: "Figures changed by someone else" },
  conflictLine: {
    vi: (yours: string, current: string, by: string | null) => `: bạn nhập ${yours}, hiện là ${current}${by ?? ""}.`,
    en: (yours, current, by) => `: you entered ${yours}, it is now ${current}${by ?? ""}.`,
  },
  changedBy: {
    vi: (who: string, at: string) => ` do ${who} lưu lúc ${at}`,
    en: (who, at) => `, saved by ${who} at ${at}`,
  },
  empty: { vi: "(trống)", en: "(empty)" },
  useCurrent: { vi: "Dùng giá trị hiện tại", en: "Use the current value" },
  keepMine: { vi: "Giữ giá trị của tôi (lưu lại để ghi)", en: "Keep my value (save again to write it)" },
});
