import "server-only";
import { z } from "zod";
import { bumpDataVersion } from "@/lib/db/data-version";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { inForceWhere } from "@/lib/units/in-force";

// ../shared/data/vn-merger-2025-splits.json: each old province and old commune with the
// new unit(s) it went into. One successor: the whole unit went there (FULL); several: it
// was split (PARTIAL), and its figures cannot be carried over exactly.
const ZSplit = z.object({ new_id: z.string(), name: z.string().optional() });
const ZCommune = z.object({ level3_id: z.string(), name: z.string().optional(), splits: z.array(ZSplit).min(1) });
const ZProvince = z.object({
  level1_id: z.string(),
  name: z.string().optional(),
  splits: z.array(ZSplit).min(1),
  level3s: z.array(ZCommune).default([]),
});
export const ZCrosswalkFile = z.object({ data: z.array(ZProvince).min(1) });

export type CrosswalkResult = { links: number; split: number; unknownOld: string[]; unknownNew: string[] };

/**
 * Links units in force on `oldOn` to units in force on `newOn`. Re-importing replaces the
 * links of the same old units, so it changes nothing when the file is the same.
 */
export async function importCrosswalk(
  prisma: PrismaClient,
  file: z.infer<typeof ZCrosswalkFile>,
  oldOn: Date,
  newOn: Date,
): Promise<CrosswalkResult> {
  const [oldIds, newIds] = await Promise.all([idsOn(prisma, oldOn), idsOn(prisma, newOn)]);
  const result: CrosswalkResult = { links: 0, split: 0, unknownOld: [], unknownNew: [] };
  const links: { predecessorId: number; successorId: number; kind: "FULL" | "PARTIAL" }[] = [];
  const add = (level: UnitLevel, oldCode: string, splits: z.infer<typeof ZSplit>[]) => {
    const predecessorId = oldIds.get(`${level}:${oldCode}`);
    if (predecessorId === undefined) return void result.unknownOld.push(oldCode);
    if (splits.length > 1) result.split++;
    for (const s of splits) {
      const successorId = newIds.get(`${level}:${s.new_id}`);
      if (successorId === undefined) {
        result.unknownNew.push(s.new_id);
        continue;
      }
      links.push({ predecessorId, successorId, kind: splits.length > 1 ? "PARTIAL" : "FULL" });
    }
  };
  for (const p of file.data) {
    add("PROVINCE", p.level1_id, p.splits);
    for (const c of p.level3s) add("COMMUNE", c.level3_id, c.splits);
  }
  await prisma.$transaction(async (tx) => {
    const predecessors = [...new Set(links.map((l) => l.predecessorId))];
    await tx.unitSuccessor.deleteMany({ where: { predecessorId: { in: predecessors } } });
    await tx.unitSuccessor.createMany({ data: links, skipDuplicates: true });
    await bumpDataVersion(tx);
  });
  result.links = links.length;
  return result;
}

async function idsOn(prisma: PrismaClient, date: Date): Promise<Map<string, number>> {
  const rows = await prisma.unit.findMany({
    where: inForceWhere(date),
    select: { id: true, level: true, code: true },
  });
  return new Map(rows.map((r) => [`${r.level}:${r.code}`, r.id]));
}
