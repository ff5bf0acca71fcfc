import "server-only";
import { cache } from "react";
import { isoDate, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { hasDenominator, SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import { pickIndicator } from "@/lib/indicators/indicators";
import { latestReportingDate } from "@/lib/leaderboard/get-leaderboard";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import type { ComponentName, RankingItem } from "@/lib/rankings/ranking-types";
import { OFFICIAL } from "@/lib/series/bases";
import { levelOfCode } from "@/lib/units/codes";

type UnitRef = { code: string; name: string; type: string; validFrom: string; validTo: string | null };

export type UnitProfile = {
  unit: UnitRef & { level: UnitLevel };
  asOf: string;
  indicator: { code: string; name: string; nameEn: string };
  indicators: { code: string; name: string; nameEn: string }[];
  ancestors: UnitRef[];
  successors: (UnitRef & { partial: boolean })[];
  predecessors: (UnitRef & { partial: boolean })[];
  points: { asOf: string; value: number }[];
  targets: { value: number; deadline: string; directive: string; assignedOn: string }[];
  reports: { asOf: string; value: number; denominator: number | null; source: string; enteredBy: string }[];
  /** The unit's line in the ranking of its siblings, and how many siblings are ranked. */
  standing: { item: RankingItem; of: number } | null;
  children: RankingItem[];
  childLevel: UnitLevel | null;
  /** Scorecards: the bands the children's colours follow, and the components' names. */
  bands: number[] | null;
  componentNames: ComponentName[] | null;
};

const ref = (u: { code: string; name: string; type: string; validFrom: Date; validTo: Date | null }): UnitRef => ({
  code: u.code,
  name: u.name,
  type: u.type,
  validFrom: isoDate(u.validFrom),
  validTo: u.validTo ? isoDate(u.validTo) : null,
});

/**
 * Everything the unit page shows. A code names different places over time: the period in
 * force on the date is shown, or else the code's latest period before it (a unit that
 * ceased to exist is shown as it was, with what it became).
 */
export const getUnitProfile = cache(
  async (
    prisma: PrismaClient,
    code: string,
    params: { indicator?: string; date?: string },
  ): Promise<UnitProfile | null> => {
    const level = levelOfCode(code);
    if (!level) return null;
    const { indicators, indicator } = await pickIndicator(prisma, params.indicator);
    const latest = params.date ? null : await latestReportingDate(prisma, indicator.id);
    const wanted = (params.date && parseIsoDate(params.date)) || (latest && parseIsoDate(latest)) || todayInVietnam();
    const periods = await prisma.unit.findMany({ where: { code, level }, orderBy: { validFrom: "desc" } });
    const unit = periods.find((p) => p.validFrom <= wanted) ?? periods.at(-1);
    if (!unit) return null;
    const asOf = unit.validTo && unit.validTo < wanted ? unit.validTo : wanted;

    const ancestors: UnitRef[] = [];
    for (let parentId = unit.parentId; parentId !== null; ) {
      const parent = await prisma.unit.findUniqueOrThrow({ where: { id: parentId } });
      ancestors.unshift(ref(parent));
      parentId = parent.parentId;
    }
    // A province's children are districts before 1 July 2025 and communes after.
    const childLevel =
      (await prisma.unit.findFirst({ where: { parentId: unit.id }, select: { level: true } }))?.level ?? null;
    const [links, points, targets, reports, siblings, children] = await Promise.all([
      prisma.unitSuccessor.findMany({
        where: { OR: [{ predecessorId: unit.id }, { successorId: unit.id }] },
        include: { predecessor: true, successor: true },
      }),
      // A public page: the official basis, approved weeks only.
      prisma.officialSeries.findMany({
        where: { unitId: unit.id, indicatorId: indicator.id },
        orderBy: { asOf: "asc" },
        select: { asOf: true, value: true, denominator: true },
      }),
      prisma.target.findMany({ where: { unitId: unit.id, indicatorId: indicator.id }, orderBy: { assignedOn: "asc" } }),
      prisma.$queryRaw<
        { asOf: Date; value: number; denominator: number | null; source: string; enteredBy: string }[]
      >`SELECT f.as_of AS "asOf", f.value, f.denominator, f.source, f.entered_by AS "enteredBy"
        FROM ${OFFICIAL.figures} f WHERE f.unit_id = ${unit.id}::int AND f.indicator_id = ${indicator.id}::int
        ORDER BY f.as_of DESC LIMIT 12`,
      getRankingCached(prisma, {
        indicator: indicator.code,
        basis: "official",
        level,
        parent: ancestors.at(-1)?.code,
        asOf,
      }),
      childLevel
        ? getRankingCached(prisma, {
            indicator: indicator.code,
            basis: "official",
            level: childLevel,
            parent: code,
            asOf,
          })
        : null,
    ]);
    const own = siblings.items.find((i) => i.code === code);
    const shares = hasDenominator(indicator.kind);
    return {
      unit: { ...ref(unit), level },
      asOf: isoDate(asOf),
      indicator: { code: indicator.code, name: indicator.name, nameEn: indicator.nameEn },
      indicators: indicators.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
      ancestors,
      successors: links
        .filter((l) => l.predecessorId === unit.id)
        .map((l) => ({ ...ref(l.successor), partial: l.kind === "PARTIAL" })),
      predecessors: links
        .filter((l) => l.successorId === unit.id)
        .map((l) => ({ ...ref(l.predecessor), partial: l.kind === "PARTIAL" })),
      // A ratio's line is its ratio in percent, against its share target.
      points: points.map((p) => ({
        asOf: isoDate(p.asOf),
        value: shares ? (Number(p.value) / Math.max(1, Number(p.denominator ?? 0))) * 100 : Number(p.value),
      })),
      targets: targets.map((t) => ({
        value: shares ? t.value / SHARE_TARGET_SCALE : t.value,
        deadline: isoDate(t.deadline),
        directive: t.directive,
        assignedOn: isoDate(t.assignedOn),
      })),
      reports: reports.map((r) => ({
        asOf: isoDate(r.asOf),
        value: r.value,
        denominator: r.denominator,
        source: r.source,
        enteredBy: r.enteredBy,
      })),
      standing: own ? { item: own, of: siblings.items.filter((i) => i.rank !== null).length } : null,
      children: children?.items ?? [],
      bands: children?.bands ?? siblings?.bands ?? null,
      componentNames: children?.componentNames ?? siblings?.componentNames ?? null,
      childLevel: children ? childLevel : null,
    };
  },
);
