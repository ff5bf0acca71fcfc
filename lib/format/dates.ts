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
