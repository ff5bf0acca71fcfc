import { beforeAll, describe, expect, it } from "vitest";
import { readDataVersion } from "@/lib/db/data-version";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadFigures, loadSmallFigures, loadSmallStructure, loadSmallWorld, loadTargets } from "../setup/fixtures";

const prisma = connectTestDatabase();
const query = { indicator: "CCCD_INTAKE", basis: "live" as const, level: "PROVINCE" as const, asOf: day("2023-04-30") };

beforeAll(async () => {
  await loadSmallWorld(prisma);
});

describe("the remembered ranking", () => {
  it("is reused while nothing changes", async () => {
    const first = await getRankingCached(prisma, query);
    expect(await getRankingCached(prisma, query)).toBe(first);
  });

  it("is recomputed after a figure or a target is saved", async () => {
    const before = await readDataVersion(prisma);
    const first = await getRankingCached(prisma, query);
    await loadFigures(prisma, "unit_code,indicator,as_of,value\n00005,CCCD_INTAKE,2023-04-30,390");
    expect(await readDataVersion(prisma)).toBe(before + 1n);
    const afterFigure = await getRankingCached(prisma, query);
    expect(afterFigure.items.find((i) => i.code === "03")?.value).toBe(390);
    await loadTargets(
      prisma,
      "unit_code,indicator,target,deadline,directive,assigned_on\n03,CCCD_INTAKE,390,2023-06-30,Điện số 17/HT,2023-04-01",
    );
    const afterTarget = await getRankingCached(prisma, query);
    expect(afterTarget.items.find((i) => i.code === "03")).toMatchObject({ target: 390, percent: 100 });
    expect(first).not.toBe(afterTarget);
  });
});

describe("a ranking across the crosswalk", () => {
  it("is computed once per structure, whatever date a visitor names it by, and says the date asked", async () => {
    await resetDatabase();
    await loadSmallStructure(prisma, true);
    await loadSmallFigures(prisma);
    const first = await getRankingCached(prisma, { ...query, structureOn: day("2025-07-01") });
    const other = await getRankingCached(prisma, { ...query, structureOn: day("2026-03-17") });
    expect(first.items.map((i) => i.code)).toEqual(expect.arrayContaining(["10", "11"]));
    expect(other.items).toBe(first.items);
    expect([first.structureOn, other.structureOn]).toEqual(["2025-07-01", "2026-03-17"]);
    // The structure before: another set of units, ranked on its own.
    const before = await getRankingCached(prisma, { ...query, structureOn: day("2024-02-29") });
    expect(before.items.map((i) => i.code).sort()).toEqual(["01", "02", "03", "04"]);
  });
});
