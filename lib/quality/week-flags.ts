import "server-only";
import type { Actor } from "@/lib/access/actor";
import { inActorScope, logDenied, roleHas } from "@/lib/access/authorize";
import { viewedUnit } from "@/lib/access/viewed-unit";
import type { Db } from "@/lib/db/db";
import { type Sql, sql } from "@/lib/db/sql";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { addDays, formatDateVi, isoDate, parseIsoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { Locale } from "@/lib/i18n/locale";
import { flagReason } from "@/lib/i18n/messages/quality";
import { unitAndBelow } from "@/lib/units/hierarchy";
import { fullName, unitsOn } from "@/lib/units/units-on";
import { computeFlags, FLAG_KINDS, type Flag, type FlagKind } from "./compute-flags";
import { loadFlagFacts } from "./flag-data";

export type FlagCheck = { note: string; by: string; at: string };
export type CheckedFlag = Flag & { check: FlagCheck | null };

export type WeekFlags = {
  week: string;
  weeks: string[];
  unit: { code: string; name: string } | null;
  kind: FlagKind | null;
  /** The flags shown (the first MAX_SHOWN of the kind asked for), highest severity first. */
  flags: CheckedFlag[];
  /** All flags of the week in scope, of every kind, and how many of each. */
  total: number;
  byKind: Record<FlagKind, number>;
  checked: number;
};

/** A page lists this many flags; the counts cover them all. */
export const MAX_SHOWN = 500;

/** The week asked for (a Sunday, not in the future), or the latest Sunday. */
export function flagWeek(text: string | null | undefined): Date {
  const latest = sundayOnOrBefore(todayInVietnam());
  if (!text) return latest;
  const week = parseIsoDate(text);
  if (week?.getUTCDay() !== 0)
    throw new InvalidParamError("week", `"${text.slice(0, 20)}" không phải một Chủ nhật dạng YYYY-MM-DD.`);
  if (week > latest) throw new InvalidParamError("week", `Tuần kết thúc ${formatDateVi(week)} chưa đến.`);
  return week;
}

function requireQualityRole(actor: Actor): void {
  if (roleHas(actor.role, "quality.view")) return;
  logDenied(actor, "quality.view", actor.unitId);
  throw new ForbiddenError(`Tài khoản ${actor.username} không xem được kiểm tra chất lượng số liệu.`);
}

/**
 * The week's data-quality flags of the leaf units in the actor's scope (or under `unit`,
 * which must be in it), each with the check someone recorded, ranked by severity.
 */
export async function listWeekFlags(
  db: Db,
  actor: Actor,
  params: { week?: string | null; kind?: string | null; unit?: string | null },
): Promise<WeekFlags> {
  requireQualityRole(actor);
  const week = flagWeek(params.week);
  const kind = params.kind ? (FLAG_KINDS.find((k) => k === params.kind) ?? null) : null;
  if (params.kind && !kind)
    throw new InvalidParamError(
      "kind",
      `Loại cảnh báo "${params.kind.slice(0, 40)}" không có (${FLAG_KINDS.join(", ")}).`,
    );
  const unit = params.unit ? await viewedUnit(db, actor, params.unit, week) : null;
  const scope = unit ? sql`u.id IN ${unitAndBelow(sql`id = ${unit.id}::int`)}` : sql`TRUE`;
  const all = await flagsWithChecks(db, actor, week, scope);
  const byKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, all.filter((f) => f.kind === k).length])) as Record<
    FlagKind,
    number
  >;
  const latest = sundayOnOrBefore(todayInVietnam());
  return {
    week: isoDate(week),
    weeks: Array.from({ length: 26 }, (_, i) => isoDate(addDays(latest, -7 * i))),
    unit: unit ? { code: unit.code, name: fullName(unit) } : null,
    kind,
    flags: all.filter((f) => !kind || f.kind === kind).slice(0, MAX_SHOWN),
    total: all.length,
    byKind,
    checked: all.filter((f) => f.check).length,
  };
}

/**
 * The week's flags of the given units (the rows an approver is looking at), within the
 * actor's scope: a unit outside it simply has none.
 */
export async function flagsOfUnits(db: Db, actor: Actor, week: Date, unitIds: number[]): Promise<CheckedFlag[]> {
  if (!unitIds.length || !roleHas(actor.role, "quality.view")) return [];
  return flagsWithChecks(db, actor, week, sql`u.id = ANY(${unitIds}::int[])`);
}

async function flagsWithChecks(db: Db, actor: Actor, week: Date, scope: Sql): Promise<CheckedFlag[]> {
  const facts = await loadFlagFacts(db, week, sql`${inActorScope(actor, "u.id")} AND ${scope}`);
  const flags = computeFlags({ week, ...facts });
  if (!flags.length) return [];
  const checks = await db.$queryRaw<{ flag_key: string; note: string; checked_by: string; checked_at: Date }[]>`
    SELECT flag_key, note, checked_by, checked_at FROM quality_check
    WHERE week = ${week}::date AND unit_id = ANY(${[...new Set(flags.map((f) => f.unit.id))]}::int[])`;
  const checkOf = new Map(checks.map((c) => [c.flag_key, c]));
  return flags.map((f) => {
    const c = checkOf.get(f.key);
    return { ...f, check: c ? { note: c.note, by: c.checked_by, at: c.checked_at.toISOString() } : null };
  });
}

/** A flag's reason for the approval grid; `ask`: medium or high and not checked yet, so approving asks first. */
export type FlagNote = { text: string; ask: boolean };

/**
 * The approval grid's notes: each flag's reason in the page's language, by "unit code:indicator
 * code" (":" alone after the code for a flag about the whole unit), for the units shown.
 */
export async function flagNotesOf(
  db: Db,
  actor: Actor,
  weekText: string,
  codes: string[],
  locale: Locale,
): Promise<Record<string, FlagNote[]>> {
  const week = parseIsoDate(weekText);
  if (!week || !codes.length || !roleHas(actor.role, "quality.view")) return {};
  const units = await unitsOn(db, codes, week);
  const flags = await flagsOfUnits(
    db,
    actor,
    week,
    [...units.values()].map((u) => u.id),
  );
  const notes: Record<string, FlagNote[]> = {};
  for (const flag of flags) {
    // A unit that has not reported is already marked in the grid; the flags here are about figures.
    if (!flag.indicator) continue;
    const key = `${flag.unit.code}:${flag.indicator.code}`;
    const text = flagReason(flag, locale) + (flag.check ? ` ✓ ${flag.check.note}` : "");
    notes[key] = [...(notes[key] ?? []), { text, ask: flag.severity >= 2 && !flag.check }];
  }
  return notes;
}
