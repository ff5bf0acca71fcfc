import "server-only";
import { z } from "zod";
import { InvalidParamError } from "@/lib/errors";
import { formatDateVi, isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dateField, optionalText, parseQuery } from "@/lib/params/query-params";
import { levelOfCode } from "@/lib/units/codes";
import { inForceWhere } from "@/lib/units/in-force";
import { LEVEL_NAMES, levelField } from "./levels";

export type UnitListItem = {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
};

/** The query of the units list (GET /api/v1/units), in the order it is checked. */
export const UNITS_QUERY = z.object({
  level: levelField(),
  asOf: dateField("asOf", "Ngày các đơn vị có hiệu lực, YYYY-MM-DD (mặc định hôm nay ở Việt Nam)."),
  parent: optionalText("Mã đơn vị cha: chỉ các đơn vị con và cháu của nó."),
});

/** Units of a level (under an optional ancestor) in force on a date, by code. */
export async function listUnits(prisma: PrismaClient, params: URLSearchParams) {
  const query = parseQuery(UNITS_QUERY, params);
  const level = query.level;
  const asOf = query.asOf ?? todayInVietnam();
  const inForce = inForceWhere(asOf);
  const parentCode = query.parent ?? null;
  let parentId: number | null = null;
  if (parentCode) {
    const parentLevel = levelOfCode(parentCode);
    const parent = parentLevel
      ? await prisma.unit.findFirst({
          where: { code: parentCode, level: parentLevel, ...inForce },
          select: { id: true },
        })
      : null;
    if (!parent)
      throw new InvalidParamError("parent", `Không có đơn vị mã ${parentCode} vào ngày ${formatDateVi(asOf)}.`);
    parentId = parent.id;
  }
  const rows = await prisma.unit.findMany({
    where: {
      level,
      AND: [inForce, parentId === null ? {} : { OR: [{ parentId }, { parent: { parentId } }] }],
    },
    select: { code: true, name: true, type: true, validFrom: true, validTo: true, parent: { select: { code: true } } },
    orderBy: { code: "asc" },
  });
  const items: UnitListItem[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type,
    parentCode: r.parent?.code ?? null,
    validFrom: isoDate(r.validFrom),
    validTo: r.validTo ? isoDate(r.validTo) : null,
  }));
  return { level: LEVEL_NAMES[level], parent: parentCode, asOf: isoDate(asOf), items };
}
