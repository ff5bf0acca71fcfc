import type { Actor } from "@/lib/access/actor";
import { authorizeAll } from "@/lib/access/authorize";
import { InvalidParamError, LockedError } from "@/lib/errors";
import { formatDateVi, isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadIndicators } from "@/lib/imports/row-checks";
import { bumpDataVersion } from "@/lib/series/data-version";
import { type Db, refreshSeries } from "@/lib/series/refresh-series";
import { fullName, unitsOn } from "@/lib/units/units-on";
import { firstIssue, ZSaveFigures } from "./entry-input";
import { claimRequest, recordResponse } from "./request-receipt";
import { retryOnDeadlock } from "./retry";

export type SavedFigure = { unit: string; indicator: string; value: number; version: number };

/** Someone saved the figure after the user read it: both values and who changed it when. */
export type FigureConflict = {
  unit: string;
  unitName: string;
  indicator: string;
  yours: number;
  current: number | null;
  currentVersion: number;
  changedBy: string | null;
  changedAt: string | null;
};

export type SaveOutcome =
  | { status: "saved"; replayed: boolean; changed: number; unchanged: number; figures: SavedFigure[] }
  | { status: "conflict"; conflicts: FigureConflict[] };

class Conflicts extends Error {
  constructor(readonly conflicts: FigureConflict[]) {
    super("conflict");
  }
}

type Entry = {
  unitId: number;
  unit: string;
  unitName: string;
  indicatorId: number;
  indicator: string;
  value: number;
  version: number;
};
type CurrentRow = {
  id: number;
  unit_id: number;
  indicator_id: number;
  value: number;
  version: number;
  entered_by: string;
  updated_at: Date;
};

/**
 * Saves weekly figures typed into the entry page. Each figure names the version the user
 * read: if someone saved it since (and to another value), nothing is written and the
 * conflicts are returned. Locked (approved) weeks refuse every change. Figures, their audit
 * entries, the rankings' read model and the request's receipt are written in one transaction.
 */
export async function saveFigures(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<SaveOutcome> {
  const parsed = ZSaveFigures.safeParse(raw);
  if (!parsed.success) {
    const { param, message } = firstIssue(parsed.error);
    throw new InvalidParamError(param, message);
  }
  const { requestId, week, entries: input } = parsed.data;
  if (week > todayInVietnam()) {
    throw new InvalidParamError("week", `Tuần kết thúc ngày ${formatDateVi(week)} chưa đến; chưa thể báo cáo.`);
  }

  const units = await unitsOn(
    prisma,
    input.map((e) => e.unit),
    week,
  );
  const indicators = await loadIndicators(prisma);
  const seen = new Set<string>();
  const entries: Entry[] = input.map((e, i) => {
    const unit = units.get(e.unit);
    if (!unit)
      throw new InvalidParamError(`entries.${i}.unit`, `Không có đơn vị mã ${e.unit} vào ngày ${formatDateVi(week)}.`);
    const indicator = indicators.get(e.indicator);
    if (!indicator) throw new InvalidParamError(`entries.${i}.indicator`, `Không có chỉ tiêu ${e.indicator}.`);
    const key = `${unit.id}:${indicator.id}`;
    if (seen.has(key)) throw new InvalidParamError(`entries.${i}`, `Ô ${e.unit}/${e.indicator} được gửi hai lần.`);
    seen.add(key);
    return {
      unitId: unit.id,
      unit: e.unit,
      unitName: fullName(unit),
      indicatorId: indicator.id,
      indicator: e.indicator,
      value: e.value,
      version: e.version,
    };
  });
  await authorizeAll(
    prisma,
    actor,
    "figure.enter",
    [...units.values()].map((u) => ({ id: u.id, name: fullName(u) })),
  );

  try {
    return await retryOnDeadlock(() =>
      prisma.$transaction(
        async (tx) => {
          const earlier = await claimRequest<SaveOutcome>(tx, requestId, actor.id);
          if (earlier) return { ...earlier, replayed: true } as SaveOutcome;
          await refuseLockedWeeks(tx, [...new Set(entries.map((e) => e.unitId))], week);
          const { outcome, changed } = await writeEntries(tx, actor, entries, week, requestId);
          await recordResponse(tx, requestId, outcome);
          // Last, so the read model's locks (shared with sibling units' saves) are held briefly.
          if (changed.length) {
            await refreshSeries(tx, {
              unitIds: [...new Set(changed.map((e) => e.unitId))],
              indicatorIds: [...new Set(changed.map((e) => e.indicatorId))],
              from: week,
            });
            await bumpDataVersion(tx);
          }
          return outcome;
        },
        { timeout: 60_000, maxWait: 30_000 },
      ),
    );
  } catch (error) {
    if (error instanceof Conflicts) return { status: "conflict", conflicts: error.conflicts };
    throw error;
  }
}

async function refuseLockedWeeks(tx: Db, unitIds: number[], week: Date): Promise<void> {
  // FOR SHARE: an approval running now waits for this save, or this save sees the approval.
  const locked = await tx.$queryRawUnsafe<{ type: string; name: string }[]>(
    `SELECT u.type, u.name FROM weekly_report r JOIN unit u ON u.id = r.unit_id
     WHERE r.unit_id = ANY($1::int[]) AND r.week = $2::date AND r.status = 'APPROVED' FOR SHARE OF r`,
    unitIds,
    week,
  );
  if (locked.length) {
    throw new LockedError(
      `Báo cáo tuần ${formatDateVi(week)} của ${locked.map(fullName).join(", ")} đã được phê duyệt và khoá. ` +
        "Đề nghị cấp đã phê duyệt mở khoá nếu cần sửa.",
    );
  }
}

async function writeEntries(
  tx: Db,
  actor: Actor,
  entries: Entry[],
  week: Date,
  requestId: string,
): Promise<{ outcome: SaveOutcome; changed: Entry[] }> {
  // Lock the existing figures in id order, so concurrent saves queue instead of deadlocking.
  const current = await tx.$queryRawUnsafe<CurrentRow[]>(
    `SELECT f.id, f.unit_id, f.indicator_id, f.value, f.version, f.entered_by, f.updated_at
     FROM figure f JOIN unnest($1::int[], $2::int[]) AS i(unit_id, indicator_id) USING (unit_id, indicator_id)
     WHERE f.as_of = $3::date ORDER BY f.id FOR UPDATE OF f`,
    entries.map((e) => e.unitId),
    entries.map((e) => e.indicatorId),
    week,
  );
  const byKey = new Map(current.map((c) => [`${c.unit_id}:${c.indicator_id}`, c]));
  const updates: { entry: Entry; row: CurrentRow }[] = [];
  const inserts: Entry[] = [];
  const conflicts: FigureConflict[] = [];
  const saved: SavedFigure[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const row = byKey.get(`${entry.unitId}:${entry.indicatorId}`);
    if (row && row.value === entry.value) {
      // Already what the user wants, whoever wrote it: nothing to change, nothing to refuse.
      unchanged++;
      saved.push({ unit: entry.unit, indicator: entry.indicator, value: row.value, version: row.version });
    } else if (row && row.version === entry.version) updates.push({ entry, row });
    else if (!row && entry.version === 0) inserts.push(entry);
    else conflicts.push(conflictOf(entry, row ?? null));
  }
  if (conflicts.length) throw new Conflicts(conflicts);

  const audit: { id: number; entry: Entry; old: CurrentRow | null; version: number }[] = [];
  if (updates.length) {
    const rows = await tx.$queryRawUnsafe<{ id: number; version: number }[]>(
      `UPDATE figure f SET value = i.value, version = f.version + 1, source = 'entry', entered_by = $3, updated_at = now()
       FROM unnest($1::int[], $2::int[]) AS i(id, value) WHERE f.id = i.id RETURNING f.id, f.version`,
      updates.map((u) => u.row.id),
      updates.map((u) => u.entry.value),
      actor.username,
    );
    const versions = new Map(rows.map((r) => [r.id, r.version]));
    for (const { entry, row } of updates)
      audit.push({ id: row.id, entry, old: row, version: versions.get(row.id) ?? row.version + 1 });
  }
  if (inserts.length) {
    const rows = await tx.$queryRawUnsafe<{ id: number; unit_id: number; indicator_id: number; version: number }[]>(
      `INSERT INTO figure (unit_id, indicator_id, as_of, value, source, entered_by, updated_at)
       SELECT unit_id, indicator_id, $4::date, value, 'entry', $5, now()
       FROM unnest($1::int[], $2::int[], $3::int[]) AS i(unit_id, indicator_id, value)
       ON CONFLICT (unit_id, indicator_id, as_of) DO NOTHING RETURNING id, unit_id, indicator_id, version`,
      inserts.map((e) => e.unitId),
      inserts.map((e) => e.indicatorId),
      inserts.map((e) => e.value),
      week,
      actor.username,
    );
    const created = new Map(rows.map((r) => [`${r.unit_id}:${r.indicator_id}`, r]));
    const raced = inserts.filter((e) => !created.has(`${e.unitId}:${e.indicatorId}`));
    if (raced.length) {
      // Someone created these figures between our read and our insert: show theirs.
      const theirs = await tx.$queryRawUnsafe<CurrentRow[]>(
        `SELECT f.id, f.unit_id, f.indicator_id, f.value, f.version, f.entered_by, f.updated_at
         FROM figure f JOIN unnest($1::int[], $2::int[]) AS i(unit_id, indicator_id) USING (unit_id, indicator_id)
         WHERE f.as_of = $3::date`,
        raced.map((e) => e.unitId),
        raced.map((e) => e.indicatorId),
        week,
      );
      const theirByKey = new Map(theirs.map((c) => [`${c.unit_id}:${c.indicator_id}`, c]));
      throw new Conflicts(raced.map((e) => conflictOf(e, theirByKey.get(`${e.unitId}:${e.indicatorId}`) ?? null)));
    }
    for (const entry of inserts) {
      const row = created.get(`${entry.unitId}:${entry.indicatorId}`) as { id: number; version: number };
      audit.push({ id: row.id, entry, old: null, version: row.version });
    }
  }

  if (audit.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO audit_entry (actor, action, entity, entity_id, unit_id, indicator_id, old_value, new_value, request_id)
       SELECT $1, CASE WHEN a.old_value IS NULL THEN 'create' ELSE 'update' END, 'figure', a.id, a.unit_id, a.indicator_id,
              a.old_value, a.new_value, $2
       FROM unnest($3::int[], $4::int[], $5::int[], $6::jsonb[], $7::jsonb[]) AS a(id, unit_id, indicator_id, old_value, new_value)`,
      actor.username,
      requestId,
      audit.map((a) => a.id),
      audit.map((a) => a.entry.unitId),
      audit.map((a) => a.entry.indicatorId),
      audit.map((a) => (a.old ? JSON.stringify({ value: a.old.value, version: a.old.version }) : null)),
      audit.map((a) =>
        JSON.stringify({ value: a.entry.value, asOf: isoDate(week), version: a.version, source: "entry" }),
      ),
    );
  }
  for (const a of audit)
    saved.push({ unit: a.entry.unit, indicator: a.entry.indicator, value: a.entry.value, version: a.version });
  return {
    outcome: { status: "saved", replayed: false, changed: audit.length, unchanged, figures: saved },
    changed: audit.map((a) => a.entry),
  };
}

function conflictOf(entry: Entry, row: CurrentRow | null): FigureConflict {
  return {
    unit: entry.unit,
    unitName: entry.unitName,
    indicator: entry.indicator,
    yours: entry.value,
    current: row?.value ?? null,
    currentVersion: row?.version ?? 0,
    changedBy: row?.entered_by ?? null,
    changedAt: row?.updated_at.toISOString() ?? null,
  };
}
