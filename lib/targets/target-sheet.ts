import "server-only";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/authorize";
import { viewedUnit } from "@/lib/access/viewed-unit";
import type { Db } from "@/lib/db/db";
import { NotFoundError } from "@/lib/errors";
import { isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { fullName } from "@/lib/units/units-on";

export type TargetInForce = {
  id: number;
  value: number;
  deadline: string;
  directive: string;
  assignedOn: string;
  version: number;
};

export type TargetRow = { code: string; name: string; target: TargetInForce | null };

export type TargetSheet = {
  today: string;
  indicator: { code: string; name: string; nameEn: string };
  indicators: { code: string; name: string; nameEn: string }[];
  /** The unit whose children are assigned targets; null for the Ministry (children: provinces). */
  unit: { code: string; name: string; parentCode: string | null; target: TargetInForce | null } | null;
  rows: TargetRow[];
  childrenTotal: number;
  /** The parent's own target minus the sum of its children's, when the children's fall short. */
  shortfall: number | null;
  canAssign: boolean;
};

type ChildRow = { id: number; code: string; name: string; type: string };

/**
 * Targets in force today for a unit's children and for the unit itself: what a parent
 * assigns on the targets page. Only units in the viewer's scope are shown.
 */
export async function getTargetSheet(
  prisma: PrismaClient,
  actor: Actor,
  params: { unit?: string | null; indicator?: string | null },
): Promise<TargetSheet> {
  const today = todayInVietnam();
  const unit = await viewedUnit(prisma, actor, params.unit || null, today);

  // Counts only: share targets of ratios are assigned in percent through a targets file.
  const indicators = await prisma.indicator.findMany({
    where: { kind: { in: ["STOCK", "CUMULATIVE"] } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, nameVi: true, nameEn: true },
  });
  // Without a choice, the first indicator anyone has targets for (not the eligible population).
  const withTargets = new Set(
    (
      await prisma.$queryRaw<{ id: number }[]>`
        SELECT i.id FROM indicator i WHERE EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id)`
    ).map((r) => r.id),
  );
  const indicator =
    indicators.find((i) => i.code === params.indicator) ??
    indicators.find((i) => withTargets.has(i.id)) ??
    indicators[0];
  if (!indicator) throw new NotFoundError("Chưa có chỉ tiêu nào.");

  const children = await prisma.$queryRaw<ChildRow[]>`
    SELECT id, code, name, type FROM unit
    WHERE ${childOf("unit", unit?.id ?? null)} AND ${inForceOn("unit", today)} ORDER BY code`;
  const targets = await targetsInForce(
    prisma,
    [...children.map((c) => c.id), ...(unit ? [unit.id] : [])],
    indicator.id,
    today,
  );
  const rows = children.map((c) => ({ code: c.code, name: fullName(c), target: targets.get(c.id) ?? null }));
  const childrenTotal = rows.reduce((sum, r) => sum + (r.target?.value ?? 0), 0);
  const own = unit ? (targets.get(unit.id) ?? null) : null;
  const firstChild = children[0];
  return {
    today: isoDate(today),
    indicator: { code: indicator.code, name: indicator.nameVi, nameEn: indicator.nameEn },
    indicators: indicators.map((i) => ({ code: i.code, name: i.nameVi, nameEn: i.nameEn })),
    unit: unit ? { code: unit.code, name: fullName(unit), parentCode: unit.parentCode, target: own } : null,
    rows,
    childrenTotal,
    shortfall: own && childrenTotal < own.value ? own.value - childrenTotal : null,
    canAssign: firstChild ? await can(prisma, actor, "target.assign", firstChild.id) : false,
  };
}

/** The target in force on `on` (the latest assigned on or before it) per unit. */
export async function targetsInForce(
  db: Db,
  unitIds: number[],
  indicatorId: number,
  on: Date,
): Promise<Map<number, TargetInForce>> {
  const rows = await db.$queryRaw<
    {
      id: number;
      unit_id: number;
      value: number;
      deadline: Date;
      directive: string;
      assigned_on: Date;
      version: number;
    }[]
  >`
    SELECT DISTINCT ON (unit_id) id, unit_id, value, deadline, directive, assigned_on, version FROM target
    WHERE unit_id = ANY(${unitIds}::int[]) AND indicator_id = ${indicatorId}::int AND assigned_on <= ${on}::date
    ORDER BY unit_id, assigned_on DESC`;
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        id: r.id,
        value: r.value,
        deadline: isoDate(r.deadline),
        directive: r.directive,
        assignedOn: isoDate(r.assigned_on),
        version: r.version,
      },
    ]),
  );
}
