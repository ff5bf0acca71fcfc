import "server-only";
import { InvalidParamError } from "@/lib/errors";
import { formatDateVi, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IndicatorKind, UnitLevel } from "@/lib/generated/prisma/enums";
import { DEFAULT_BANDS } from "@/lib/indicators/indicator-kinds";
import type { Basis } from "@/lib/series/bases";
import { levelOfCode } from "@/lib/units/codes";
import { inForceWhere } from "@/lib/units/in-force";
import type { RankingQuery } from "./ranking-types";

export type RankingScope = {
  /** The read model the ranking reads (lib/series/bases.ts). */
  basis: Basis;
  indicatorId: number;
  indicatorCode: string;
  /** YYYY-MM-DD from which the indicator is retired (its old rankings still open); null while in use. */
  retiredOn: string | null;
  kind: IndicatorKind;
  /** COMPOSITE: its components with the points each is worth, and its bands (percent of the total). */
  components: { id: number; code: string; kind: IndicatorKind; weight: number; nameVi: string; nameEn: string }[];
  bands: number[];
  level: UnitLevel;
  parentId: number | null;
  parentCode: string | null;
  /** The date whose units are ranked: the structure date when re-aggregating, else as-of. */
  unitsOn: Date;
};

const DEPTH: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

/** Checks a ranking query against the data, naming the parameter that is wrong. */
export async function resolveRankingScope(prisma: PrismaClient, query: RankingQuery): Promise<RankingScope> {
  const unitsOn = query.structureOn ?? query.asOf;
  const inForce = inForceWhere(unitsOn);
  const parentLevel = query.parent ? levelOfCode(query.parent) : null;
  const parentAbove = parentLevel !== null && DEPTH[parentLevel] < DEPTH[query.level];
  // The lookups are independent, so they run at once; the errors are still named in order.
  const [indicator, parent, districts] = await Promise.all([
    prisma.indicator.findUnique({
      where: { code: query.indicator.toUpperCase() },
      include: {
        components: {
          include: { component: { select: { id: true, code: true, kind: true, nameVi: true, nameEn: true } } },
          // The order their points are summed in, as the stored scores sum them (unit_score).
          orderBy: [{ sortOrder: "asc" }, { componentId: "asc" }],
        },
      },
    }),
    query.parent && parentLevel && parentAbove
      ? prisma.unit.findFirst({
          where: { code: query.parent, level: parentLevel, ...inForce },
          select: { id: true, code: true },
        })
      : null,
    query.level === "DISTRICT" ? prisma.unit.count({ where: { level: "DISTRICT", ...inForce } }) : null,
  ]);
  if (!indicator) {
    const codes = (
      await prisma.indicator.findMany({
        where: { retiredOn: null },
        select: { code: true },
        orderBy: { sortOrder: "asc" },
      })
    ).map((i) => i.code);
    throw new InvalidParamError("indicator", `Không có chỉ tiêu "${query.indicator}". Có: ${codes.join(", ")}.`);
  }
  if (query.parent) {
    if (!parentLevel)
      throw new InvalidParamError("parent", `"${query.parent}" không phải mã đơn vị (2, 3 hoặc 5 chữ số).`);
    if (!parentAbove) {
      throw new InvalidParamError(
        "parent",
        `Đơn vị ${query.parent} không ở cấp trên cấp ${query.level.toLowerCase()}.`,
      );
    }
    if (!parent) {
      throw new InvalidParamError("parent", `Không có đơn vị mã ${query.parent} vào ngày ${formatDateVi(unitsOn)}.`);
    }
  }
  if (districts === 0) {
    throw new InvalidParamError(
      "level",
      `Không có cấp huyện vào ngày ${formatDateVi(unitsOn)} (từ 1/7/2025 chỉ còn cấp tỉnh và cấp xã).`,
    );
  }
  return {
    basis: query.basis,
    indicatorId: indicator.id,
    indicatorCode: indicator.code,
    retiredOn: indicator.retiredOn ? isoDate(indicator.retiredOn) : null,
    kind: indicator.kind,
    components: indicator.components.map((c) => ({ ...c.component, weight: Number(c.weight) })),
    // A scorecard stored without bands (refused since) has the default ones, as its top band does.
    bands: indicator.kind === "COMPOSITE" && indicator.bands.length === 0 ? DEFAULT_BANDS : indicator.bands.map(Number),
    level: query.level,
    parentId: parent?.id ?? null,
    parentCode: parent?.code ?? null,
    unitsOn,
  };
}
