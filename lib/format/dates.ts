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

/** A due time as a notice writes it, in Vietnam's time: "17:00 thứ Hai 30/11/2026" / "17:00 Monday 30 Nov 2026". */
export function formatDue(at: string | Date, locale: "vi" | "en" = "vi"): string {
  const moment = new Date(at);
  const day = todayInVietnam(moment);
  const date = locale === "en" ? ENGLISH_DAY.format(day) : formatDateVi(day);
  return `${VIETNAM_TIME.format(moment)} ${WEEKDAYS[locale][day.getUTCDay()]} ${date}`;
}
