import "server-only";
import { z } from "zod";
import { InvalidParamError, NotFoundError } from "@/lib/errors";
import { formatDateVi, isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dateField, parseQuery, requiredText } from "@/lib/params/query-params";
import { levelOfCode } from "@/lib/units/codes";
import { inForceWhere } from "@/lib/units/in-force";

/** The query of a unit's series (GET /api/v1/units/{code}/series), in the order it is checked. */
export const SERIES_QUERY = z.object({
  indicator: requiredText(
    "Thiếu tham số indicator (mã chỉ tiêu, ví dụ CCCD_INTAKE).",
    "Mã chỉ tiêu, ví dụ CCCD_INTAKE (mọi kiểu chữ).",
  ),
  asOf: dateField("asOf", "Chọn đơn vị có hiệu lực vào ngày này, YYYY-MM-DD (mặc định hôm nay ở Việt Nam)."),
});

/**
 * One unit's official points over time for an indicator (its effective value: own figure, or the sum
 * of its children's) and the targets assigned to it. A code names different places over
 * time, so `asOf` (default today) picks the unit in force on that date.
 */
export async function getUnitSeries(prisma: PrismaClient, code: string, params: URLSearchParams) {
  const query = parseQuery(SERIES_QUERY, params);
  const indicatorCode = query.indicator.toUpperCase();
  const indicator = await prisma.indicator.findUnique({ where: { code: indicatorCode } });
  if (!indicator) throw new InvalidParamError("indicator", `Không có chỉ tiêu "${indicatorCode}".`);
  const asOf = query.asOf ?? todayInVietnam();
  const level = levelOfCode(code);
  if (!level) throw new InvalidParamError("code", `"${code}" không phải mã đơn vị (2, 3 hoặc 5 chữ số).`);
  const unit = await prisma.unit.findFirst({
    where: { code, level, ...inForceWhere(asOf) },
  });
  if (!unit)
    throw new NotFoundError(`Không có đơn vị mã ${code} vào ngày ${formatDateVi(asOf)}; thử tham số asOf khác.`);
  const [points, targets] = await Promise.all([
    // A public answer: the official basis (approved weeks only).
    prisma.officialSeries.findMany({
      where: { unitId: unit.id, indicatorId: indicator.id },
      orderBy: { asOf: "asc" },
      select: { asOf: true, value: true, ownValue: true, childrenSum: true },
    }),
    prisma.target.findMany({
      where: { unitId: unit.id, indicatorId: indicator.id },
      orderBy: { assignedOn: "asc" },
      select: { value: true, deadline: true, directive: true, assignedOn: true },
    }),
  ]);
  return {
    code: unit.code,
    name: unit.name,
    indicator: indicator.code,
    validFrom: isoDate(unit.validFrom),
    validTo: unit.validTo ? isoDate(unit.validTo) : null,
    points: points.map((p) => ({
      asOf: isoDate(p.asOf),
      value: Number(p.value),
      reported: p.ownValue === null ? null : Number(p.ownValue),
      childrenSum: p.childrenSum === null ? null : Number(p.childrenSum),
    })),
    targets: targets.map((t) => ({
      value: t.value,
      deadline: isoDate(t.deadline),
      directive: t.directive,
      assignedOn: isoDate(t.assignedOn),
    })),
  };
}
