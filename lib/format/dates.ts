const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

/** Today's calendar date in Vietnam, as UTC midnight (the form `@db.Date` columns use). */
export function todayInVietnam(now: Date = new Date()): Date {
  return new Date(`${VIETNAM_DAY.format(now)}T00:00:00Z`);
}

/** dd/MM/yyyy, as Vietnamese documents write dates. */
export function formatDateVi(date: Date): string {
  const [y, m, d] = date.toISOString().slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/**
 * Years a date in this product may have. Wider than the program needs (old structures,
 * far deadlines), narrow enough that a week or a year either side never leaves the range
 * PostgreSQL and every formatter here handle (there is no year 0).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** Parses a strict YYYY-MM-DD calendar date (UTC midnight) in FIRST_YEAR–LAST_YEAR; null when it is not one. */
export function parseIsoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const year = Number(text.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Sunday on or before `day`: reporting weeks end on Sundays (figures are dated that day). */
export function sundayOnOrBefore(day: Date): Date {
  return addDays(day, -day.getUTCDay());
}

/** "2026-11-29" as Vietnamese write it, 29/11/2026, for dates the server sent as ISO text. */
export function formatIsoDateVi(iso: string): string {
  return iso.split("-").reverse().join("/");
}

/** A moment as Vietnamese read it, in Vietnam's time: 14:05:09 2/12/2026. */
export function formatDateTimeVi(at: string | Date): string {
  return new Date(at).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
}

const WEEKDAYS = {
  vi: ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};
const VIETNAM_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const ENGLISH_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * The one date style of each language: 06/12/2026 in Vietnamese, 6 Dec 2026 in English.
 * Takes a calendar date (UTC midnight) or its YYYY-MM-DD text.
 */
export function formatDay(day: Date | string, locale: "vi" | "en" = "vi"): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return locale === "en" ? ENGLISH_DAY.format(date) : formatDateVi(date);
}

/** A day with its weekday, in the same style: "Chủ nhật, 06/12/2026" / "Sunday, 6 Dec 2026". */
export function formatWeekday(day: Date | string, locale: "vi" | "en" = "vi"): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return `${WEEKDAYS[locale][date.getUTCDay()]}, ${formatDay(date, locale)}`;
}

/** A due time as a notice writes it, in Vietnam's time: "17:00 thứ Hai, 30/11/2026" / "17:00 Monday, 30 Nov 2026". */
export function formatDue(at: string | Date, locale: "vi" | "en" = "vi"): string {
  const moment = new Date(at);
  return `${VIETNAM_TIME.format(moment)} ${formatWeekday(todayInVietnam(moment), locale)}`;
}

const MOMENT_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** A moment in Vietnam's time, in each language's one date style: "14:05:09 02/12/2026" / "14:05:09, 2 Dec 2026". */
export function formatMoment(at: string | Date, locale: "vi" | "en" = "vi"): string {
  const moment = new Date(at);
  const day = formatDay(todayInVietnam(moment), locale);
  return locale === "en" ? `${MOMENT_TIME.format(moment)}, ${day}` : `${MOMENT_TIME.format(moment)} ${day}`;
}

/** How a date is typed in every date box: dd/mm/yyyy (yyyy-mm-dd is read too). */
export const TYPED_DATE_PATTERN = "\\s*(\\d{1,2}[\\/.\\-]\\d{1,2}[\\/.\\-]\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s*";

/**
 * A date as people type it: dd/mm/yyyy (also d/m/yyyy, with "." or "-" between) or
 * yyyy-mm-dd, as a calendar date (UTC midnight) in FIRST_YEAR–LAST_YEAR; null when it is
 * not a real day (31/02/2026) or not written so. Never month first: 07/12/2026 is 7 December.
 */
export function parseTypedDate(text: string): Date | null {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dmy) {
    const [, d, m, y] = dmy as unknown as [string, string, string, string];
    return parseIsoDate(`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`);
  }
  return parseIsoDate(trimmed);
}

/** YYYY-MM-DD as a date box shows it: 06/12/2026 (empty stays empty, anything else as given). */
export function typedDateText(iso: string | null | undefined): string {
  if (!iso) return "";
  return parseIsoDate(iso) ? formatIsoDateVi(iso) : iso;
}
