"use client";

import { createContext, useContext } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { plural } from "@/lib/i18n/plural";

const many = (n: number, one: string, other: string) => plural("en", n, { one, other });

// The entry page's words in both languages. The rules' own messages (a cell that is not a
// number, a figure lower than last week) come from lib/figures and stay Vietnamese.
const vi = {
  locale: "vi" as Locale,
  country: "Toàn quốc",
  weekOf: (date: string) => `Số liệu tuần kết thúc Chủ nhật ${date}`,
  reportedOf: (reported: number, total: number) => ` · đã báo cáo ${reported}/${total} đơn vị`,
  week: "Tuần báo cáo",
  show: "Xem",
  columnGroups: "Nhóm chỉ tiêu",
  countColumns: "Số đếm",
  ratioColumns: "Tỷ lệ, danh mục",
  leaveWeek: "Số liệu chưa lưu sẽ mất. Chuyển tuần?",
  reportOf: (name: string) => `Báo cáo của ${name}:`,
  approvedBy: (who: string) => ` · duyệt bởi ${who}`,
  saveAndSubmit: "Lưu và gửi báo cáo",
  submit: "Gửi báo cáo",
  approve: "Phê duyệt",
  unlock: "Mở khoá",
  submitFor: "Gửi thay",
  locked: "Báo cáo đã khoá; cần cấp đã duyệt mở khoá nếu phải sửa.",
  status: { OPEN: "Chưa gửi", SUBMITTED: "Đã gửi, chờ duyệt", APPROVED: "Đã duyệt, đã khoá" },
  indicator: "Chỉ tiêu",
  lastWeek: "Tuần trước",
  thisWeek: "Tuần này",
  unit: "Đơn vị",
  report: "Báo cáo",
  notReported: "(chưa báo cáo)",
  total: (n: number) => `Tổng ${n} đơn vị`,
  save: "Lưu số liệu",
  saving: "Đang lưu…",
  unsaved: (n: number) => `${n} ô đã sửa, chưa lưu.`,
  nothingUnsaved: "Không có thay đổi chưa lưu.",
  gridHelp: " Mũi tên/Enter để di chuyển; dán được từ Excel.",
  pasted: (n: number) => `Đã dán ${n} dòng; kiểm tra rồi bấm Lưu.`,
  saved: (changed: number, unchanged: number) =>
    `Đã lưu ${changed} số liệu${unchanged ? ` (${unchanged} ô không đổi)` : ""}.`,
  fixCells: (cells: string) => `Sửa các ô chưa hợp lệ trước khi lưu: ${cells}.`,
  lostConnection: "Mất kết nối tới máy chủ.",
  lostConnectionReport: "Mất kết nối tới máy chủ; tải lại trang để xem trạng thái báo cáo.",
  conflictNotSaved: "Chưa lưu: có người đã sửa số liệu này sau khi bạn mở trang. Xem và chọn giá trị bên dưới.",
  weekStillQueued: "Còn số liệu của tuần này lưu trên máy, chưa gửi. Khi có mạng, chờ gửi xong rồi gửi báo cáo.",
  keptOnDevice: (n: number) =>
    `Đã lưu trên máy ${n} số liệu, sẽ gửi khi có mạng. Đừng xoá dữ liệu trình duyệt trước khi gửi xong.`,
  queuedWhat: (n: number, at: string) => `${n} số liệu lưu trên máy lúc ${at}`,
  queuedWeek: (week: string) => ` (tuần ${week})`,
  sent: (what: string) => `Đã gửi ${what}.`,
  sentConflictHere: (what: string) =>
    `Chưa gửi được ${what}: có người đã sửa số liệu này trong lúc đó. Xem và chọn giá trị bên dưới.`,
  sentConflictElsewhere: (what: string) =>
    `Chưa gửi được ${what}: có người đã sửa số liệu trong lúc đó. Mở tuần đó để xem và nhập lại.`,
  sendRefused: (what: string, why: string) => `Không gửi được ${what}: ${why}`,
  signedOut: "Phiên đăng nhập đã hết; số liệu vẫn giữ trên máy. Đăng nhập lại để gửi.",
  otherAccountSignedIn:
    "Chưa gửi: trên máy này đang đăng nhập một tài khoản khác, không phải tài khoản của trang này. " +
    "Số liệu vẫn giữ trên máy, sẽ gửi khi bạn đăng nhập lại.",
  othersWaiting: (n: number) =>
    `Trên máy này có ${n} lượt lưu của tài khoản khác đang chờ gửi. ` +
    "Chúng không được gửi dưới tài khoản của bạn; sẽ được gửi khi tài khoản đó đăng nhập lại.",
  offline: "Đang mất mạng. Bấm Lưu như thường: số liệu được lưu trên máy này và tự gửi khi có mạng.",
  waiting: (n: number) => `Chờ gửi: ${n} số liệu đã lưu trên máy, sẽ gửi khi có mạng`,
  sending: "Đang gửi…",
  sendNow: "Gửi ngay",
  queuedLine: (week: string, n: number, at: string) => `Tuần ${week} · ${n} số liệu · lưu lúc ${at}`,
  pageKept: "Trang này đã lưu trên máy: mở được cả khi mất mạng.",
  checkFirst: (n: number) => `Kiểm tra lại trước khi lưu (${n} cảnh báo)`,
  saveAnyway: "Vẫn lưu",
  review: "Xem lại",
  conflicts: "Số liệu đã bị người khác sửa",
  conflictLine: (yours: string, current: string, by: string | null) =>
    `: bạn nhập ${yours}, hiện là ${current}${by ?? ""}.`,
  changedBy: (who: string, at: string) => ` do ${who} lưu lúc ${at}`,
  empty: "(trống)",
  useCurrent: "Dùng giá trị hiện tại",
  keepMine: "Giữ giá trị của tôi (lưu lại để ghi)",
};

export type EntryWords = typeof vi;

const en: EntryWords = {
  locale: "en",
  country: "Whole country",
  weekOf: (date) => `Figures for the week ending Sunday ${date}`,
  reportedOf: (reported, total) => ` · ${reported}/${total} units reported`,
  week: "Reporting week",
  show: "Show",
  columnGroups: "Indicator group",
  countColumns: "Counts",
  ratioColumns: "Ratios, checklists",
  leaveWeek: "Unsaved figures will be lost. Change week?",
  reportOf: (name) => `Report of ${name}:`,
  approvedBy: (who) => ` · approved by ${who}`,
  saveAndSubmit: "Save and submit the report",
  submit: "Submit the report",
  approve: "Approve",
  unlock: "Unlock",
  submitFor: "Submit for it",
  locked: "The report is locked; the level that approved it must unlock it for changes.",
  status: { OPEN: "Not submitted", SUBMITTED: "Submitted, awaiting approval", APPROVED: "Approved, locked" },
  indicator: "Indicator",
  lastWeek: "Last week",
  thisWeek: "This week",
  unit: "Unit",
  report: "Report",
  notReported: "(not reported)",
  total: (n) => `Total of ${n} ${many(n, "unit", "units")}`,
  save: "Save figures",
  saving: "Saving…",
  unsaved: (n) => `${n} ${many(n, "cell", "cells")} changed, not saved.`,
  nothingUnsaved: "No unsaved changes.",
  gridHelp: " Arrows/Enter to move; paste from Excel.",
  pasted: (n) => `Pasted ${n} ${many(n, "row", "rows")}; check them, then Save.`,
  saved: (changed, unchanged) =>
    `Saved ${changed} ${many(changed, "figure", "figures")}${unchanged ? ` (${unchanged} unchanged)` : ""}.`,
  fixCells: (cells) => `Fix the invalid cells before saving: ${cells}.`,
  lostConnection: "Lost the connection to the server.",
  lostConnectionReport: "Lost the connection to the server; reload the page to see the report's status.",
  conflictNotSaved: "Not saved: someone changed these figures after you opened the page. See and choose below.",
  weekStillQueued:
    "Figures of this week are still waiting on this device. Once online, wait until they are sent, then submit.",
  keptOnDevice: (n) =>
    `Saved ${n} ${many(n, "figure", "figures")} on this device; they will be sent when the network is back. Do not clear the browser's data before then.`,
  queuedWhat: (n, at) => `${n} ${many(n, "figure", "figures")} saved on this device at ${at}`,
  queuedWeek: (week) => ` (week ${week})`,
  sent: (what) => `Sent ${what}.`,
  sentConflictHere: (what) => `Could not send ${what}: someone changed these figures meanwhile. See and choose below.`,
  sentConflictElsewhere: (what) =>
    `Could not send ${what}: someone changed the figures meanwhile. Open that week to see them and enter again.`,
  sendRefused: (what, why) => `Could not send ${what}: ${why}`,
  signedOut: "The session has ended; the figures are still on this device. Sign in again to send them.",
  otherAccountSignedIn:
    "Not sent: another account, not this page's, is signed in on this device. " +
    "The figures are still on this device and will be sent when you sign in again.",
  othersWaiting: (n) =>
    `${n} ${many(n, "save", "saves")} made by another account ${n === 1 ? "waits" : "wait"} on this device. ` +
    "They are not sent under your account; they will be sent when that account signs in again.",
  offline: "No network. Save as usual: figures are kept on this device and sent when the network is back.",
  waiting: (n) => `Waiting: ${n} ${many(n, "figure", "figures")} saved on this device, to be sent when online`,
  sending: "Sending…",
  sendNow: "Send now",
  queuedLine: (week, n, at) => `Week ${week} · ${n} ${many(n, "figure", "figures")} · saved at ${at}`,
  pageKept: "This page is kept on this device: it opens with no network too.",
  checkFirst: (n) => `Check before saving (${n} ${many(n, "warning", "warnings")})`,
  saveAnyway: "Save anyway",
  review: "Review",
  conflicts: "Figures changed by someone else",
  conflictLine: (yours, current, by) => `: you entered ${yours}, it is now ${current}${by ?? ""}.`,
  changedBy: (who, at) => `, saved by ${who} at ${at}`,
  empty: "(empty)",
  useCurrent: "Use the current value",
  keepMine: "Keep my value (save again to write it)",
};

export function entryWords(locale: Locale): EntryWords {
  return locale === "en" ? en : vi;
}

export const EntryWordsContext = createContext<EntryWords>(vi);

export function useEntryWords(): EntryWords {
  return useContext(EntryWordsContext);
}
