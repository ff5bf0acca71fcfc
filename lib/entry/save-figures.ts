import "server-only";
import type { Actor } from "@/lib/access/actor";
import { logDenied } from "@/lib/access/authorize";
import { unitsToWrite } from "@/lib/access/units-to-write";
import type { AuditRecord } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { InvalidParamError, LockedError, OtherOwnerError } from "@/lib/errors";
import type { FigureRow } from "@/lib/figures/figure-row";
import { formatDateVi, isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { hasDenominator, isEntered } from "@/lib/indicators/indicator-kinds";
import { loadIndicators } from "@/lib/indicators/indicators";
import { fullName } from "@/lib/units/units-on";
import { idempotentWrite, parseInput, RefusedWrite } from "@/lib/writes/idempotent-write";
import { ZSaveFigures } from "./entry-input";

export type SavedFigure = {
  unit: string;
  indicator: string;
  value: number;
  denominator: number | null;
  version: number;
};

/** Someone saved the figure after the user read it: both values and who changed it when. */
export type FigureConflict = {
  unit: string;
  unitName: string;
  indicator: string;
  yours: number;
  current: number | null;
  /** RATIO and CHECKLIST: the denominators beside the numerators above. */
  yoursDenominator: number | null;
  currentDenominator: number | null;
  currentVersion: number;
  changedBy: string | null;
  changedAt: string | null;
};

export type SaveOutcome =
  | { status: "saved"; replayed: boolean; changed: number; unchanged: number; figures: SavedFigure[] }
  | { status: "conflict"; conflicts: FigureConflict[] };

type Entry = {
  unitId: number;
  unit: string;
  unitName: string;
  indicatorId: number;
  indicator: string;
  value: number;
  denominator: number | null;
  version: number;
};
type CurrentRow = FigureRow & { id: number; updated_at: Date };

/**
 * Saves weekly figures typed into the entry page. Each figure names the version the user
 * read: if someone saved it since (and to another value), nothing is written and the
 * conflicts are returned. Locked (approved) weeks refuse every change. Figures, their audit
 * entries, the rankings' read model and the request's receipt are written in one transaction.
 */
export async function saveFigures(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<SaveOutcome> {
  const { requestId, week, owner, entries: input } = parseInput(ZSaveFigures, raw);
  // Before the request id is claimed: the save stays its owner's to send when they sign in again.
  if (owner !== undefined && owner !== actor.id) {
    logDenied(actor, "figure.enter.other-owner", null);
    throw new OtherOwnerError(
      "Lượt lưu này được ghi trên máy cho một tài khoản khác, không phải tài khoản đang đăng nhập; " +
        "chưa ghi gì. Số liệu vẫn giữ trên máy và sẽ được gửi khi tài khoản đó đăng nhập lại.",
    );
  }
  if (week > todayInVietnam()) {
    throw new InvalidParamError("week", `Tuần kết thúc ngày ${formatDateVi(week)} chưa đến; chưa thể báo cáo.`);
  }

  const units = await unitsToWrite(
    prisma,
    actor,
    "figure.enter",
    input.map((e) => e.unit),
    week,
    (code) => `Không có đơn vị mã ${code} vào ngày ${formatDateVi(week)}.`,
  );
  const indicators = await loadIndicators(prisma);
  const seen = new Set<string>();
  const entries: Entry[] = input.map((e, i) => {
    const unit = units[i] as (typeof units)[number];
    const indicator = indicators.get(e.indicator);
    if (!indicator) throw new InvalidParamError(`entries.${i}.indicator`, `Không có chỉ tiêu ${e.indicator}.`);
    if (indicator.retiredOn)
      throw new InvalidParamError(
        `entries.${i}.indicator`,
        `Chỉ tiêu ${e.indicator} đã ngừng sử dụng, không nhận số liệu mới.`,
      );
    const denominator = checkedDenominator(indicator.kind, e, i);
    const key = `${unit.id}:${indicator.id}`;
    if (seen.has(key)) throw new InvalidParamError(`entries.${i}`, `Ô ${e.unit}/${e.indicator} được gửi hai lần.`);
    seen.add(key);
    return {
      unitId: unit.id,
      unit: e.unit,
      unitName: unit.fullName,
      indicatorId: indicator.id,
      indicator: e.indicator,
      value: e.value,
      denominator,
      version: e.version,
    };
  });

  return idempotentWrite<SaveOutcome>(prisma, { actor, requestId }, async (tx) => {
    await refuseLockedWeeks(tx, [...new Set(entries.map((e) => e.unitId))], week);
    const { outcome, changed, audit } = await writeEntries(tx, actor, entries, week);
    return {
      outcome,
      audit,
      series: {
        unitIds: [...new Set(changed.map((e) => e.unitId))],
        indicatorIds: [...new Set(changed.map((e) => e.indicatorId))],
        from: week,
      },
    };
  });
}

async function refuseLockedWeeks(tx: Db, unitIds: number[], week: Date): Promise<void> {
  // FOR SHARE: an approval running now waits for this save, or this save sees the approval.
  const locked = await tx.$queryRaw<{ type: string; name: string }[]>`
    SELECT u.type, u.name FROM weekly_report r JOIN unit u ON u.id = r.unit_id
    WHERE r.unit_id = ANY(${unitIds}::int[]) AND r.week = ${week}::date AND r.status = 'APPROVED' FOR SHARE OF r`;
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
): Promise<{ outcome: SaveOutcome; changed: Entry[]; audit: AuditRecord[] }> {
  // Lock the existing figures in id order, so concurrent saves queue instead of deadlocking.
  const current = await tx.$queryRaw<CurrentRow[]>`
    ${figuresOf(entries, week)} ORDER BY f.id FOR UPDATE OF f`;
  const byKey = new Map(current.map((c) => [`${c.unit_id}:${c.indicator_id}`, c]));
  const updates: { entry: Entry; row: CurrentRow }[] = [];
  const inserts: Entry[] = [];
  const conflicts: FigureConflict[] = [];
  const saved: SavedFigure[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const row = byKey.get(`${entry.unitId}:${entry.indicatorId}`);
    if (row && row.value === entry.value && row.denominator === entry.denominator) {
      // Already what the user wants, whoever wrote it: nothing to change, nothing to refuse.
      unchanged++;
      saved.push({ ...savedOf(entry), version: row.version });
    } else if (row && row.version === entry.version) updates.push({ entry, row });
    else if (!row && entry.version === 0) inserts.push(entry);
    else conflicts.push(conflictOf(entry, row ?? null));
  }
  if (conflicts.length) throw new RefusedWrite<SaveOutcome>({ status: "conflict", conflicts });

  const audit: { id: number; entry: Entry; old: CurrentRow | null; version: number }[] = [];
  if (updates.length) {
    const rows = await tx.$queryRaw<{ id: number; version: number }[]>`
      UPDATE figure f SET value = i.value, denominator = i.denominator, version = f.version + 1, source = 'entry',
             entered_by = ${actor.username}, updated_at = now()
      FROM unnest(${updates.map((u) => u.row.id)}::int[], ${updates.map((u) => u.entry.value)}::int[],
                  ${updates.map((u) => u.entry.denominator)}::int[]) AS i(id, value, denominator)
      WHERE f.id = i.id RETURNING f.id, f.version`;
    const versions = new Map(rows.map((r) => [r.id, r.version]));
    for (const { entry, row } of updates)
      audit.push({ id: row.id, entry, old: row, version: versions.get(row.id) ?? row.version + 1 });
  }
  if (inserts.length) {
    const rows = await tx.$queryRaw<{ id: number; unit_id: number; indicator_id: number; version: number }[]>`
      INSERT INTO figure (unit_id, indicator_id, as_of, value, denominator, source, entered_by, updated_at)
      SELECT unit_id, indicator_id, ${week}::date, value, denominator, 'entry', ${actor.username}, now()
      FROM unnest(${inserts.map((e) => e.unitId)}::int[], ${inserts.map((e) => e.indicatorId)}::int[],
                  ${inserts.map((e) => e.value)}::int[], ${inserts.map((e) => e.denominator)}::int[])
        AS i(unit_id, indicator_id, value, denominator)
      ON CONFLICT (unit_id, indicator_id, as_of) DO NOTHING RETURNING id, unit_id, indicator_id, version`;
    const created = new Map(rows.map((r) => [`${r.unit_id}:${r.indicator_id}`, r]));
    const raced = inserts.filter((e) => !created.has(`${e.unitId}:${e.indicatorId}`));
    if (raced.length) {
      // Someone created these figures between our read and our insert: show theirs.
      const theirs = await tx.$queryRaw<CurrentRow[]>(figuresOf(raced, week));
      const theirByKey = new Map(theirs.map((c) => [`${c.unit_id}:${c.indicator_id}`, c]));
      throw new RefusedWrite<SaveOutcome>({
        status: "conflict",
        conflicts: raced.map((e) => conflictOf(e, theirByKey.get(`${e.unitId}:${e.indicatorId}`) ?? null)),
      });
    }
    for (const entry of inserts) {
      const row = created.get(`${entry.unitId}:${entry.indicatorId}`) as { id: number; version: number };
      audit.push({ id: row.id, entry, old: null, version: row.version });
    }
  }

  for (const a of audit) saved.push({ ...savedOf(a.entry), version: a.version });
  return {
    outcome: { status: "saved", replayed: false, changed: audit.length, unchanged, figures: saved },
    changed: audit.map((a) => a.entry),
    audit: audit.map((a) => ({
      action: a.old ? "update" : "create",
      entity: "figure",
      entityId: a.id,
      unitId: a.entry.unitId,
      indicatorId: a.entry.indicatorId,
      oldValue: a.old ? { value: a.old.value, ...withDenominator(a.old.denominator), version: a.old.version } : null,
      newValue: {
        value: a.entry.value,
        ...withDenominator(a.entry.denominator),
        asOf: isoDate(week),
        version: a.version,
        source: "entry",
      },
    })),
  };
}

/** The figures of the entries' units and indicators for the week, as they are now. */
function figuresOf(entries: Entry[], week: Date) {
  return sql`SELECT f.id, f.unit_id, f.indicator_id, f.value, f.denominator, f.version, f.entered_by, f.updated_at
    FROM figure f
    JOIN unnest(${entries.map((e) => e.unitId)}::int[], ${entries.map((e) => e.indicatorId)}::int[])
      AS i(unit_id, indicator_id) USING (unit_id, indicator_id)
    WHERE f.as_of = ${week}::date`;
}

function conflictOf(entry: Entry, row: CurrentRow | null): FigureConflict {
  return {
    unit: entry.unit,
    unitName: entry.unitName,
    indicator: entry.indicator,
    yours: entry.value,
    current: row?.value ?? null,
    yoursDenominator: entry.denominator,
    currentDenominator: row?.denominator ?? null,
    currentVersion: row?.version ?? 0,
    changedBy: row?.entered_by ?? null,
    changedAt: row?.updated_at.toISOString() ?? null,
  };
}

const savedOf = (e: Entry) => ({ unit: e.unit, indicator: e.indicator, value: e.value, denominator: e.denominator });
const withDenominator = (denominator: number | null) => (denominator === null ? {} : { denominator });

/**
 * The entry's denominator: required for RATIO and CHECKLIST, with the numerator at most the
 * denominator; absent for counts. Computed kinds are never entered.
 */
function checkedDenominator(
  kind: IndicatorKind,
  e: { unit: string; indicator: string; value: number; denominator?: number | null },
  i: number,
): number | null {
  if (!isEntered(kind))
    throw new InvalidParamError(`entries.${i}.indicator`, `Chỉ tiêu ${e.indicator} được tính tự động, không nhập.`);
  if (!hasDenominator(kind)) {
    if (e.denominator != null)
      throw new InvalidParamError(`entries.${i}.denominator`, `Chỉ tiêu ${e.indicator} là số đếm, không có mẫu số.`);
    return null;
  }
  if (e.denominator == null)
    throw new InvalidParamError(`entries.${i}.denominator`, `Chỉ tiêu ${e.indicator} cần cả tử số và mẫu số.`);
  if (e.value > e.denominator)
    throw new InvalidParamError(
      `entries.${i}.value`,
      `${e.unit}/${e.indicator}: tử số (${e.value}) lớn hơn mẫu số (${e.denominator}).`,
    );
  return e.denominator;
}
