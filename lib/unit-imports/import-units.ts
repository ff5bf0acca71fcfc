import "server-only";
import { bumpDataVersion } from "@/lib/db/data-version";
import { addDays } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { inForceWhere } from "@/lib/units/in-force";
import type { ListedUnit } from "./unit-list-file";

export type UnitImportResult = {
  inserted: number;
  changed: number;
  unchanged: number;
  closed: number;
  /** The list replaced a 3-level structure with a 2-level one: every unit began a new period. */
  reorganisation: boolean;
};

const LEVELS: UnitLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];
type Existing = {
  id: number;
  validFrom: Date;
  validTo: Date | null;
  type: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
};

/**
 * Makes `units` the list in force from `validFrom`. A unit is a code within a validity
 * period: one whose name, type or parent changed is closed the day before and a new
 * period begins; one missing from the list is closed, never deleted (its figures stay
 * with it). Importing the same list again changes nothing.
 *
 * A 2-level list (no districts) arriving while districts are in force is a reorganisation
 * like 1 July 2025: every unit starts a new period, even one that kept its code and name,
 * because it now covers other places (37 Ninh Bình absorbed Hà Nam and Nam Định).
 */
export async function importUnits(
  prisma: PrismaClient,
  units: ListedUnit[],
  validFrom: Date,
): Promise<UnitImportResult> {
  const result: UnitImportResult = { inserted: 0, changed: 0, unchanged: 0, closed: 0, reorganisation: false };
  const dayBefore = addDays(validFrom, -1);
  await prisma.$transaction(
    async (tx) => {
      const inForce = await loadInForce(tx as PrismaClient, validFrom);
      const laterStart = await loadLaterStarts(tx as PrismaClient, validFrom);
      const listed = new Set(units.map((u) => key(u.level, u.code)));
      result.reorganisation =
        !units.some((u) => u.level === "DISTRICT") && [...inForce.keys()].some((k) => k.startsWith("DISTRICT:"));

      const gone = [...inForce.entries()].filter(([k]) => !listed.has(k)).map(([, u]) => u);
      const sameDay = gone.filter((u) => u.validFrom.getTime() === validFrom.getTime());
      if (sameDay.length) {
        throw new Error(
          `Không thể đóng ${sameDay.length} đơn vị bắt đầu hiệu lực đúng ngày này nhưng vắng trong tệp (ví dụ id ${sameDay[0]?.id}).`,
        );
      }
      if (gone.length) {
        await tx.unit.updateMany({ where: { id: { in: gone.map((u) => u.id) } }, data: { validTo: dayBefore } });
        result.closed = gone.length;
      }

      for (const level of LEVELS) {
        const parentIds = await codeToId(tx as PrismaClient, parentLevel(level), validFrom);
        const inserts = [];
        for (const u of units.filter((x) => x.level === level)) {
          const parentId = u.parentCode ? parentIds.get(u.parentCode) : null;
          if (parentId === undefined)
            throw new Error(`Đơn vị ${u.code} ${u.name}: không tìm thấy đơn vị cấp trên ${u.parentCode}.`);
          const current = inForce.get(key(level, u.code));
          const same =
            current &&
            !(result.reorganisation && current.validFrom < validFrom) &&
            current.name === u.name &&
            current.type === u.type &&
            current.nameEn === u.nameEn &&
            current.parentCode === u.parentCode;
          if (same) {
            result.unchanged++;
            continue;
          }
          const data = { code: u.code, level, type: u.type, name: u.name, nameEn: u.nameEn, parentId };
          if (current && current.validFrom.getTime() === validFrom.getTime()) {
            await tx.unit.update({ where: { id: current.id }, data });
            result.changed++;
            continue;
          }
          if (current) {
            await tx.unit.update({ where: { id: current.id }, data: { validTo: dayBefore } });
            result.changed++;
          } else {
            result.inserted++;
          }
          const nextStart = laterStart.get(key(level, u.code));
          const validTo = current ? current.validTo : nextStart ? addDays(nextStart, -1) : null;
          inserts.push({ ...data, validFrom, validTo });
        }
        for (let i = 0; i < inserts.length; i += 2000) {
          await tx.unit.createMany({ data: inserts.slice(i, i + 2000) });
        }
      }
      await bumpDataVersion(tx);
    },
    { timeout: 120_000 },
  );
  return result;
}

const key = (level: UnitLevel, code: string) => `${level}:${code}`;
const parentLevel = (level: UnitLevel): UnitLevel | null =>
  level === "COMMUNE" ? "DISTRICT" : level === "DISTRICT" ? "PROVINCE" : null;

async function loadInForce(prisma: PrismaClient, date: Date): Promise<Map<string, Existing>> {
  const rows = await prisma.unit.findMany({
    where: inForceWhere(date),
    select: {
      id: true,
      level: true,
      code: true,
      type: true,
      name: true,
      nameEn: true,
      validFrom: true,
      validTo: true,
      parent: { select: { code: true } },
    },
  });
  return new Map(rows.map((r) => [key(r.level, r.code), { ...r, parentCode: r.parent?.code ?? null }]));
}

async function loadLaterStarts(prisma: PrismaClient, date: Date): Promise<Map<string, Date>> {
  const rows = await prisma.unit.groupBy({
    by: ["level", "code"],
    where: { validFrom: { gt: date } },
    _min: { validFrom: true },
  });
  return new Map(rows.map((r) => [key(r.level, r.code), r._min.validFrom as Date]));
}

/**
 * Parents by code among units in force on `date`. A commune's parent is a district in the
 * 3-level structure and a province in the 2-level one, so both levels are looked up.
 */
async function codeToId(prisma: PrismaClient, level: UnitLevel | null, date: Date): Promise<Map<string, number>> {
  if (!level) return new Map();
  const levels: UnitLevel[] = level === "DISTRICT" ? ["DISTRICT", "PROVINCE"] : [level];
  const rows = await prisma.unit.findMany({
    where: { level: { in: levels }, ...inForceWhere(date) },
    select: { id: true, code: true },
  });
  return new Map(rows.map((r) => [r.code, r.id]));
}
