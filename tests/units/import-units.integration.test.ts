import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { getRanking } from "@/lib/rankings/get-ranking";
import { importCrosswalk, ZCrosswalkFile } from "@/lib/unit-imports/import-crosswalk";
import { importUnits } from "@/lib/unit-imports/import-units";
import { flattenUnitList, ZUnitListFile } from "@/lib/unit-imports/unit-list-file";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day } from "../setup/fixtures";

// The real GSO lists beside the project (see ../shared/data/README.md).
const DATA = path.resolve(PROJECT_ROOT, "../shared/data");
const prisma = connectTestDatabase();

async function list(file: string) {
  return flattenUnitList(ZUnitListFile.parse(JSON.parse(await fs.readFile(path.join(DATA, file), "utf8"))));
}

async function countOn(date: string, level: UnitLevel) {
  const on = day(date);
  return prisma.unit.count({
    where: { level, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gte: on } }] },
  });
}

describe("importing the real unit lists", () => {
  let before: Awaited<ReturnType<typeof list>>;
  let after: Awaited<ReturnType<typeof list>>;

  beforeAll(async () => {
    await resetDatabase();
    [before, after] = await Promise.all([list("vn-units-2025-03.json"), list("vn-units-2026-07.json")]);
  }, 60_000);

  it("loads 63 provinces, 696 districts and 10,035 communes, then 34 provinces and 3,321 communes", async () => {
    expect(await importUnits(prisma, before, day("2023-01-01"))).toMatchObject({ inserted: 10_794, closed: 0 });
    // Every old unit ends on 30 June 2025: 7,444 closed outright, 3,350 whose code lives on
    // in a new period, and 5 codes new in 2025.
    expect(await importUnits(prisma, after, day("2025-07-01"))).toMatchObject({
      reorganisation: true,
      closed: 7_444,
      changed: 3_350,
      inserted: 5,
    });
    expect([
      await countOn("2024-06-01", "PROVINCE"),
      await countOn("2024-06-01", "DISTRICT"),
      await countOn("2024-06-01", "COMMUNE"),
    ]).toEqual([63, 696, 10_035]);
    expect([
      await countOn("2026-01-01", "PROVINCE"),
      await countOn("2026-01-01", "DISTRICT"),
      await countOn("2026-01-01", "COMMUNE"),
    ]).toEqual([34, 0, 3_321]);
  }, 60_000);

  it("changes nothing when the same lists are imported again", async () => {
    const rows = await prisma.unit.count();
    expect(await importUnits(prisma, before, day("2023-01-01"))).toMatchObject({
      inserted: 0,
      changed: 0,
      closed: 0,
      unchanged: 10_794,
    });
    expect(await importUnits(prisma, after, day("2025-07-01"))).toMatchObject({
      inserted: 0,
      changed: 0,
      closed: 0,
      unchanged: 3_355,
    });
    expect(await prisma.unit.count()).toBe(rows);
  }, 60_000);

  it("keeps a reused code apart by period: 00004 is Trúc Bạch before 1 July 2025 and Ba Đình after", async () => {
    const periods = await prisma.unit.findMany({ where: { code: "00004" }, orderBy: { validFrom: "asc" } });
    expect(
      periods.map((p) => [
        p.name,
        p.validFrom.toISOString().slice(0, 10),
        p.validTo?.toISOString().slice(0, 10) ?? null,
      ]),
    ).toEqual([
      ["Trúc Bạch", "2023-01-01", "2025-06-30"],
      ["Ba Đình", "2025-07-01", null],
    ]);
  });

  it("links old units to new ones, 460 communes split", async () => {
    const file = ZCrosswalkFile.parse(
      JSON.parse(await fs.readFile(path.join(DATA, "vn-merger-2025-splits.json"), "utf8")),
    );
    const result = await importCrosswalk(prisma, file, day("2025-06-30"), day("2025-07-01"));
    expect(result.split).toBe(460);
    expect(result.unknownOld).toHaveLength(12); // merged away before the March 2025 list
    expect(result.unknownNew).toEqual([]);
    const ninhBinh = await prisma.unit.findFirstOrThrow({
      where: { code: "37", validTo: null },
      include: { predecessors: { include: { predecessor: true } } },
    });
    expect(ninhBinh.predecessors.map((p) => p.predecessor.name).sort()).toEqual(["Hà Nam", "Nam Định", "Ninh Bình"]);
  });

  it("ranks 63 provinces as of a 2024 date and 34 as of a 2026 date", async () => {
    const old = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2024-06-01"),
    });
    const now = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2026-06-01"),
    });
    expect([old.items.length, now.items.length]).toEqual([63, 34]);
  });
});
