import { formatDay } from "@/lib/format/dates";
import type { Locale } from "../locale";
import { phrases, plain } from "../phrase";
import { many } from "../plural";
import publicationJson from "./publication.json";

// Published editions of the official ranking: the ministry's publish page (/cong-bo), the public
// list and edition pages (/ban-cong-bo) and the leaderboard's line naming its edition.

const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" });

/** "06/12/2026 17:00" / "6 Dec 2026 17:00": a moment in Vietnam's time, the date first. */
function moment(at: Date | string, locale: Locale): string {
  const date = new Date(at);
  const day = new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${formatDay(day, locale)} ${TIME.format(date)}`;
}

export const PUBLICATION = phrases({
  ...plain(publicationJson),
  editionName: {
    vi: (number: number, at: Date | string) => `Bản công bố số ${number}, ${moment(at, "vi")}`,
    en: (number, at) => `Edition no. ${number}, ${moment(at, "en")}`,
  },
  moment: { vi: (at: Date | string) => moment(at, "vi"), en: (at) => moment(at, "en") },
  weekOf: {
    vi: (week: string) => `Bảng xếp hạng chính thức tuần kết thúc Chủ nhật ${week}`,
    en: (week) => `Official ranking for the week ending Sunday ${week}`,
  },
  correctionCount: {
    vi: (n: number) => (n ? `${n} đính chính` : "không có đính chính"),
    en: (n) => (n ? `${n} ${many(n, "correction", "corrections")}` : "no corrections"),
  },
  correctionOf: {
    vi: (indicator: string, date: string) => `${indicator}, số liệu ngày ${date}`,
    en: (indicator, date) => `${indicator}, figure of ${date}`,
  },
  changedBy: {
    vi: (who: string, reason: string) => `Sửa bởi ${who}; lý do mở khoá: ${reason}`,
    en: (who, reason) => `Changed by ${who}; reason for unlocking: ${reason}`,
  },
  dueWeek: {
    vi: (week: string) => `Tuần gần nhất đã qua hạn phê duyệt của Bộ: tuần kết thúc ${week}.`,
    en: (week) => `Latest week past the ministry's approval time: the week ending ${week}.`,
  },
  moreCorrections: {
    vi: (n: number) => `và ${n} đính chính khác`,
    en: (n) => `and ${n} more ${many(n, "correction", "corrections")}`,
  },
});
