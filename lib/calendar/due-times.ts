import { addDays, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { UnitLevel } from "@/lib/generated/prisma/enums";

/** Who a due time is for: a unit level, or the ministry (which approves the provinces). */
export type DueLevel = UnitLevel | "MINISTRY";

/** Each level's due time, "D HH:MM": days after the week's Sunday and a time of day in Vietnam. */
export type DueSettings = Record<DueLevel, string>;

const VIETNAM_OFFSET_MINUTES = 7 * 60; // Vietnam keeps UTC+7 all year.

/** Minutes from the start of the week's Sunday (Vietnam time) to the due time. */
export function dueOffsetMinutes(setting: string): number {
  const match = /^(\d{1,2}) (\d{2}):(\d{2})$/.exec(setting.trim());
  if (!match) throw new Error(`Hạn báo cáo "${setting}" không đúng dạng "số-ngày GIỜ:PHÚT".`);
  const [, days, hours, minutes] = match.map(Number) as [number, number, number, number];
  return days * 1440 + hours * 60 + minutes;
}

/** The moment a report for `week` (its Sunday, as UTC midnight) falls due under `setting`. */
export function dueAt(week: Date, setting: string): Date {
  return new Date(week.getTime() + (dueOffsetMinutes(setting) - VIETNAM_OFFSET_MINUTES) * 60_000);
}

/** The latest reporting week whose due time under `setting` has passed at `now`. */
export function latestDueWeek(setting: string, now: Date): Date {
  let week = sundayOnOrBefore(todayInVietnam(now));
  while (dueAt(week, setting) > now) week = addDays(week, -7);
  return week;
}

/**
 * A unit submits by its own level's time (`settings[level]`); its report is approved by the
 * level above, by that level's time (the level above approves its children before it submits).
 */
export function approveSetting(parentLevel: UnitLevel | null, settings: DueSettings): string {
  return settings[parentLevel ?? "MINISTRY"];
}

/** Levels in reporting order, for checking that no level is due before the one below it. */
const ORDER: DueLevel[] = ["COMMUNE", "DISTRICT", "PROVINCE", "MINISTRY"];

/** Why the settings cannot work (a level due before the level that reports to it), or null. */
export function dueSettingsProblem(settings: DueSettings): string | null {
  for (let i = 1; i < ORDER.length; i++) {
    const below = ORDER[i - 1] as DueLevel;
    const above = ORDER[i] as DueLevel;
    if (dueOffsetMinutes(settings[above]) < dueOffsetMinutes(settings[below]))
      return `REPORT_DUE_${above} (${settings[above]}) sớm hơn REPORT_DUE_${below} (${settings[below]}): cấp trên cần hạn muộn hơn cấp dưới để kịp phê duyệt.`;
  }
  return null;
}
