import "server-only";
import type { Actor } from "@/lib/access/actor";
import { roleHas } from "@/lib/access/authorize";
import { approveSetting, type DueSettings, dueAt, latestDueWeek } from "@/lib/calendar/due-times";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { isoDate } from "@/lib/format/dates";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { fullName } from "@/lib/units/units-on";

// The one home of "who is late with the weekly report": the dashboard's completeness, the
// notice a late unit sees when it signs in, and the reminder and summary e-mails all read it.

/** Where a unit's report for a week stands. */
export type ReportState = "NOT_REPORTED" | "NOT_SUBMITTED" | "SUBMITTED" | "APPROVED";

export type UnitReporting = {
  code: string;
  name: string;
  state: ReportState;
  /** Past the time by which it should have left this state (submitted, or approved). */
  late: boolean;
};

export type ChildrenReporting = {
  /** The reporting week (its Sunday). */
  week: string;
  /** When the children's reports were due, and when the level above must have approved them. */
  submitDue: string | null;
  approveDue: string;
  /** Whether the children's submission time had passed at the moment asked about (so lateness can show). */
  submitPassed: boolean;
  units: UnitReporting[];
  counts: { total: number; withFigures: number; submitted: number; approved: number; late: number };
};

export type ScopeUnit = { id: number; code: string; name: string; type: string; level: UnitLevel };

type StateRow = {
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  has_figures: boolean;
  status: string | null;
};

/** The report state of every unit in force on `week` that matches `where` (alias `u`). */
async function reportStates(db: Db, where: Sql, week: Date): Promise<(StateRow & { state: ReportState })[]> {
  const rows = await db.$queryRaw<StateRow[]>`
    SELECT u.code, u.name, u.type, u.level,
           -- The read model has a point wherever the unit or anything below it reported.
           EXISTS (SELECT 1 FROM unit_series s WHERE s.unit_id = u.id
                     AND s.as_of > ${week}::date - 7 AND s.as_of <= ${week}::date) AS has_figures,
           r.status::text AS status
    FROM unit u LEFT JOIN weekly_report r ON r.unit_id = u.id AND r.week = ${week}::date
    WHERE ${where} AND ${inForceOn("u", week)}
    ORDER BY u.code`;
  return rows.map((r) => ({
    ...r,
    state:
      r.status === "APPROVED"
        ? "APPROVED"
        : r.status === "SUBMITTED"
          ? "SUBMITTED"
          : r.has_figures
            ? "NOT_SUBMITTED"
            : "NOT_REPORTED",
  }));
}

/** The week's reports of the units directly below `parent` (the provinces when null), at `now`. */
export async function childrenReporting(
  db: Db,
  parent: ScopeUnit | null,
  week: Date,
  now: Date,
  settings: DueSettings,
): Promise<ChildrenReporting> {
  const rows = await reportStates(db, childOf("u", parent?.id ?? null), week);
  const childLevel = rows[0]?.level ?? null;
  const submitDue = childLevel ? dueAt(week, settings[childLevel]) : null;
  const approveDue = dueAt(week, approveSetting(parent?.level ?? null, settings));
  const units = rows.map((r) => ({
    code: r.code,
    name: fullName(r),
    state: r.state,
    late:
      r.state === "SUBMITTED" ? approveDue <= now : r.state !== "APPROVED" && submitDue !== null && submitDue <= now,
  }));
  return {
    week: isoDate(week),
    submitDue: submitDue?.toISOString() ?? null,
    approveDue: approveDue.toISOString(),
    submitPassed: (submitDue ?? approveDue) <= now,
    units,
    counts: {
      total: units.length,
      withFigures: rows.filter((r) => r.has_figures).length,
      submitted: units.filter((u) => u.state === "SUBMITTED" || u.state === "APPROVED").length,
      approved: units.filter((u) => u.state === "APPROVED").length,
      late: units.filter((u) => u.late).length,
    },
  };
}

/**
 * The latest week whose reports below `parent` have fallen due at `now`: the week the
 * children's submission time (`childLevel`'s) has passed, so their lateness shows as soon as
 * it exists; with no children, the scope's own approval time.
 */
export function latestWeekDueBelow(
  parent: ScopeUnit | null,
  childLevel: UnitLevel | null,
  now: Date,
  settings: DueSettings,
): Date {
  return latestDueWeek(childLevel ? settings[childLevel] : approveSetting(parent?.level ?? null, settings), now);
}

const LATE_ORDER: Record<ReportState, number> = { NOT_REPORTED: 0, NOT_SUBMITTED: 1, SUBMITTED: 2, APPROVED: 3 };

/**
 * The late units, the furthest behind first: no figures at all, then figures not submitted,
 * then submitted but not approved in time; by name within each.
 */
export function lateUnitsRanked(reporting: ChildrenReporting): UnitReporting[] {
  return reporting.units
    .filter((u) => u.late)
    .sort((a, b) => LATE_ORDER[a.state] - LATE_ORDER[b.state] || a.name.localeCompare(b.name, "vi"));
}

export type LateNotice =
  /** The actor's own unit has not submitted the latest week that fell due. */
  | { kind: "SUBMIT"; week: string; due: string; unit: string; state: "NOT_REPORTED" | "NOT_SUBMITTED" }
  /** Units below the actor are late: not submitted, or waiting for the actor's approval. */
  | {
      kind: "APPROVE";
      week: string;
      due: string;
      scope: string;
      /** The ministry's notice: the provinces' reports (the scope is the whole country). */
      national: boolean;
      waiting: UnitReporting[];
      notSubmitted: UnitReporting[];
    };

/** The actor's unit (with its level), in force on some day; null for national accounts. */
export async function actorUnit(db: Db, actor: Actor): Promise<ScopeUnit | null> {
  if (actor.unitId === null) return null;
  const rows = await db.$queryRaw<ScopeUnit[]>`
    SELECT id, code, name, type, level FROM unit WHERE id = ${actor.unitId}::int`;
  return rows[0] ?? null;
}

type SubmitNotice = Extract<LateNotice, { kind: "SUBMIT" }>;
type ApproveNotice = Extract<LateNotice, { kind: "APPROVE" }>;

/** The name a scope goes by: its unit's full name, or the country. */
export function scopeName(unit: ScopeUnit | null): string {
  return unit ? fullName(unit) : "Toàn quốc";
}

/**
 * What the actor is late with at `now`: their unit's report, for the latest week its due
 * time has passed; and, for those who approve, the reports below them for the latest week
 * their approval time has passed. Empty when nothing is late.
 */
export async function lateNotices(db: Db, actor: Actor, now: Date, settings: DueSettings): Promise<LateNotice[]> {
  const unit = await actorUnit(db, actor);
  const own = await ownLateNotice(db, actor, unit, now, settings);
  const below = approves(actor, unit) ? approvalNotice(await reportingBelow(db, unit, now, settings), unit) : null;
  return [own, below].filter((n): n is LateNotice => n !== null);
}

/** The actor's own unit's report, when it has not been submitted by the latest due time passed. */
export async function ownLateNotice(
  db: Db,
  actor: Actor,
  unit: ScopeUnit | null,
  now: Date,
  settings: DueSettings,
): Promise<SubmitNotice | null> {
  if (!unit || !roleHas(actor.role, "week.submit")) return null;
  const week = latestDueWeek(settings[unit.level], now);
  const [own] = await reportStates(db, sql`u.id = ${unit.id}::int`, week);
  if (!own || (own.state !== "NOT_REPORTED" && own.state !== "NOT_SUBMITTED")) return null;
  return {
    kind: "SUBMIT",
    week: isoDate(week),
    due: dueAt(week, settings[unit.level]).toISOString(),
    unit: fullName(own),
    state: own.state,
  };
}

/** The reports below `unit` (the provinces for the country) for the latest week its approval time has passed. */
export function reportingBelow(db: Db, unit: ScopeUnit | null, now: Date, settings: DueSettings) {
  const week = latestDueWeek(approveSetting(unit?.level ?? null, settings), now);
  return childrenReporting(db, unit, week, now, settings);
}

/** Whether the actor approves the reports below their unit (the ministry: the provinces'). */
export function approves(actor: Actor, unit: ScopeUnit | null): boolean {
  return roleHas(actor.role, "week.approve") && (unit !== null || actor.role === "MINISTRY_ADMIN");
}

/** What waits for the approver in `below`: reports to approve, and units that have not submitted. */
export function approvalNotice(below: ChildrenReporting, unit: ScopeUnit | null): ApproveNotice | null {
  const waiting = below.units.filter((u) => u.state === "SUBMITTED");
  const notSubmitted = below.units.filter((u) => u.late && u.state !== "SUBMITTED");
  if (!waiting.length && !notSubmitted.length) return null;
  return {
    kind: "APPROVE",
    week: below.week,
    due: below.approveDue,
    scope: scopeName(unit),
    national: unit === null,
    waiting,
    notSubmitted,
  };
}

/** Whether the actor reads a level below them, so a weekly summary of it is theirs to get. */
export function readsLevelBelow(actor: Actor, unit: ScopeUnit | null): boolean {
  if (!roleHas(actor.role, "unit.view")) return false;
  if (unit === null) return actor.role === "MINISTRY_ADMIN" || actor.role === "LEADERSHIP_VIEWER";
  return unit.level !== "COMMUNE";
}
