import type { Locale } from "../locale";
import { asPhrase, phrases, plain } from "../phrase";
import { many } from "../plural";
import { COMMON } from "./common";
import entryJson from "./entry.json";

// The weekly entry page (/nhap-lieu). The rules' own messages (a cell that is not a number, a figure
// lower than last week) are in figure-checks.ts.
const STATUS = phrases({
  OPEN: { vi: "Chưa gửi", en: "Not submitted" },
  SUBMITTED: { vi: "Đã gửi, chờ duyệt", en: "Submitted, awaiting approval" },
  APPROVED: { vi: "Đã duyệt, đã khoá", en: "Approved, locked" },
});

export const ENTRY = phrases({
  ...plain(entryJson),
  locale: { vi: "vi" as Locale, en: "en" },
  country: COMMON.country,
  weekOf: {
    vi: (date: string) => `Số liệu tuần kết thúc Chủ nhật ${date}`,
    en: (date) => `Figures for the week ending Sunday ${date}`,
  },
  // "Reported" read as "submitted" beside rows marked "not sent": figures and submission are said apart.
  reportedOf: {
    vi: (reported: number, submitted: number, total: number) =>
      ` · có số liệu ${reported}/${total} đơn vị, đã gửi báo cáo ${submitted}/${total}`,
    en: (reported, submitted, total) =>
      ` · figures from ${reported}/${total} units, ${submitted}/${total} reports submitted`,
  },
  show: COMMON.show,
  reportOf: { vi: (name: string) => `Báo cáo của ${name}:`, en: (name) => `Report of ${name}:` },
  approvedBy: { vi: (who: string) => ` · duyệt bởi ${who}`, en: (who) => ` · approved by ${who}` },
  unlock: COMMON.unlock,
  status: asPhrase(STATUS),
  indicator: COMMON.indicator,
  unit: COMMON.unit,
  total: { vi: (n: number) => `Tổng ${n} đơn vị`, en: (n) => `Total of ${n} ${many(n, "unit", "units")}` },
  unsaved: {
    vi: (n: number) => `${n} ô đã sửa, chưa lưu.`,
    en: (n) => `${n} ${many(n, "cell", "cells")} changed, not saved.`,
  },
  invalidCells: {
    vi: (n: number) => `${n} ô nhập chưa đúng, chưa lưu: sửa các ô viền đỏ rồi lưu.`,
    en: (n) => `${n} ${many(n, "cell", "cells")} typed wrong, not saved: correct the cells outlined in red, then save.`,
  },
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
  othersWaiting: {
    vi: (n: number) =>
      `Trên máy này có ${n} lượt lưu của tài khoản khác đang chờ gửi. ` +
      "Chúng không được gửi dưới tài khoản của bạn; sẽ được gửi khi tài khoản đó đăng nhập lại.",
    en: (n) =>
      `${n} ${many(n, "save", "saves")} made by another account ${n === 1 ? "waits" : "wait"} on this device. ` +
      "They are not sent under your account; they will be sent when that account signs in again.",
  },
  waiting: {
    vi: (n: number) => `Chờ gửi: ${n} số liệu đã lưu trên máy, sẽ gửi khi có mạng`,
    en: (n) => `Waiting: ${n} ${many(n, "figure", "figures")} saved on this device, to be sent when online`,
  },
  queuedLine: {
    vi: (week: string, n: number, at: string) => `Tuần ${week} · ${n} số liệu · lưu lúc ${at}`,
    en: (week, n, at) => `Week ${week} · ${n} ${many(n, "figure", "figures")} · saved at ${at}`,
  },
  checkFirst: {
    vi: (n: number) => `Kiểm tra lại trước khi lưu (${n} cảnh báo)`,
    en: (n) => `Check before saving (${n} ${many(n, "warning", "warnings")})`,
  },
  conflictLine: {
    vi: (yours: string, current: string, by: string | null) => `: bạn nhập ${yours}, hiện là ${current}${by ?? ""}.`,
    en: (yours, current, by) => `: you entered ${yours}, it is now ${current}${by ?? ""}.`,
  },
  changedBy: {
    vi: (who: string, at: string) => ` do ${who} lưu lúc ${at}`,
    en: (who, at) => `, saved by ${who} at ${at}`,
  },
  onDeviceOnly: {
    vi: (n: number) => `${n} thay đổi chỉ lưu trên máy này, sẽ gửi khi có mạng.`,
    en: (n) => `${n} ${many(n, "change is", "changes are")} only on this device, to be sent when online.`,
  },
  approveWarned: {
    vi: (unit: string, n: number) => `Phê duyệt ${unit}? ${n} số liệu có cảnh báo`,
    en: (unit, n) => `Approve ${unit}? ${n} ${many(n, "figure has a warning", "figures have warnings")}`,
  },
  warnedLine: {
    vi: (unit: string, indicator: string, last: string, now: string, reason: string) =>
      `${unit} – ${indicator}: tuần trước ${last} → tuần này ${now}. ${reason}`,
    en: (unit, indicator, last, now, reason) =>
      `${unit} – ${indicator}: last week ${last} → this week ${now}. ${reason}`,
  },
  outstanding: {
    vi: (n: number, total: number) => `${n}/${total} đơn vị cấp dưới chưa gửi báo cáo tuần này`,
    en: (n, total) => `${n} of ${total} units below have not submitted this week`,
  },
  queuedReport: {
    vi: (unit: string, week: string, at: string) => `Báo cáo của ${unit} · tuần ${week} · bấm gửi lúc ${at}`,
    en: (unit, week, at) => `Report of ${unit} · week ${week} · submitted on this device at ${at}`,
  },
  moreItems: {
    vi: (n: number) => `và ${n} cảnh báo khác`,
    en: (n) => `and ${n} more ${many(n, "warning", "warnings")}`,
  },
  moreUnits: {
    vi: (n: number) => `và ${n} đơn vị khác`,
    en: (n) => `and ${n} more`,
  },
  reportDone: {
    vi: (verb: "submit" | "approve" | "unlock" | "return", unit: string, week: string) =>
      verb === "submit"
        ? `Đã gửi báo cáo tuần ${week} của ${unit} để cấp trên phê duyệt.`
        : verb === "approve"
          ? `Đã phê duyệt và khoá báo cáo tuần ${week} của ${unit}.`
          : verb === "return"
            ? `Đã trả lại báo cáo tuần ${week} của ${unit}; đơn vị sửa số liệu rồi gửi lại.`
            : `Đã mở khoá báo cáo tuần ${week} của ${unit}; đơn vị có thể sửa và gửi lại.`,
    en: (verb, unit, week) =>
      verb === "submit"
        ? `Submitted the report of ${unit} for the week ending ${week}, for approval.`
        : verb === "approve"
          ? `Approved and locked the report of ${unit} for the week ending ${week}.`
          : verb === "return"
            ? `Returned the report of ${unit} for the week ending ${week}; the unit corrects its figures and sends it again.`
            : `Unlocked the report of ${unit} for the week ending ${week}; the unit can correct it and submit again.`,
  },
  returnedBy: {
    vi: (who: string, at: string, reason: string) =>
      `Cấp trên (${who}) đã trả lại báo cáo lúc ${at}: “${reason}”. Sửa số liệu rồi gửi lại.`,
    en: (who, at, reason) =>
      `The level above (${who}) returned this report at ${at}: “${reason}”. Correct the figures and send it again.`,
  },
  returnedShort: {
    vi: (reason: string) => `Đã trả lại: ${reason}`,
    en: (reason) => `Returned: ${reason}`,
  },
  submittedBy: {
    vi: (who: string) => ` · gửi bởi ${who}`,
    en: (who) => ` · submitted by ${who}`,
  },
});
