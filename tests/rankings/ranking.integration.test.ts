import { beforeEach, describe, expect, it } from "vitest";
import { getRanking } from "@/lib/rankings/get-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadFigures, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const byCode = (items: RankingItem[]) => Object.fromEntries(items.map((i) => [i.code, i]));

beforeEach(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
});

describe("province ranking on hand-made figures", () => {
  it("sums children, ranks ties together and works out reached-on, days ahead and the weekly change", async () => {
    const ranking = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2023-04-30"),
    });
    expect(ranking.items.map((i) => `${i.rank}:${i.code}`)).toEqual(["1:01", "1:04", "3:02", "4:03"]);
    const alpha = byCode(ranking.items)["01"];
    expect(alpha).toMatchObject({
      value: 1050, // 001: 400 + 250, 002: 400
      target: 1000,
      reachedOn: "2023-04-30",
      deadline: "2023-06-30",
      daysAhead: 61,
      weeklyChange: 200, // 850 on 23/4, with 00003's 300 of 16/4 carried forward
      childrenDone: 2,
      childrenTotal: 2,
      forecastOn: null,
      discrepancy: null,
      approximate: false,
    });
    expect(alpha?.percent).toBeCloseTo(105, 10);
  });

  it("uses a unit's own figure over its children's sum and reports the difference", async () => {
    const ranking = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2023-04-30"),
    });
    expect(byCode(ranking.items)["02"]).toMatchObject({
      value: 520,
      discrepancy: { reported: 520, childrenSum: 500 },
      reachedOn: "2023-04-30",
      weeklyChange: 120,
      childrenDone: 0, // its district has no target
      childrenTotal: 1,
    });
  });

  it("forecasts a unit behind its target at its recent pace", async () => {
    const ranking = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2023-04-30"),
    });
    // 40 on 2/4 → 200 on 30/4: 40 a week; 200 to go: 5 weeks.
    expect(byCode(ranking.items)["03"]).toMatchObject({
      value: 200,
      target: 400,
      forecastOn: "2023-06-04",
      daysAhead: null,
      // 200 to go over the 9 weeks (61 days) left to 30/6: 22,2 a week, rounded up.
      neededPerWeek: 23,
      trajectory: "on-track",
    });
    expect(byCode(ranking.items)["01"]).toMatchObject({ neededPerWeek: null, trajectory: "done" });
  });

  it("applies a later target from its assignment date on", async () => {
    const before = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2023-04-30"),
    });
    const after = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2023-05-07"),
    });
    expect(byCode(before.items)["03"]?.target).toBe(400);
    expect(byCode(after.items)["03"]).toMatchObject({ target: 200, value: 240, percent: 120, reachedOn: "2023-04-30" });
  });

  it("ranks the districts of a province, and shows a saved figure in the very next ranking", async () => {
    const districtsOf01 = async () =>
      (
        await getRanking(prisma, {
          basis: "live",
          indicator: "CCCD_INTAKE",
          level: "DISTRICT",
          parent: "01",
          asOf: day("2023-04-30"),
        })
      ).items.map((i) => [i.rank, i.code, i.value]);
    expect(await districtsOf01()).toEqual([
      [1, "001", 650],
      [2, "002", 400],
    ]);
    await loadFigures(prisma, "unit_code,indicator,as_of,value\n00003,CCCD_INTAKE,2023-04-30,700");
    expect(await districtsOf01()).toEqual([
      [1, "002", 700],
      [2, "001", 650],
    ]);
  });

  it("lists the structure in force on the date: old provinces before 1 July 2025, new ones after", async () => {
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
      asOf: day("2026-01-01"),
    });
    expect(old.items.map((i) => i.code)).toEqual(["03", "01", "04", "02"]); // Gamma: 240 of its new target 200
    expect(now.items.map((i) => i.code).sort()).toEqual(["10", "11"]);
    await expect(
      getRanking(prisma, { basis: "live", indicator: "CCCD_INTAKE", level: "DISTRICT", asOf: day("2026-01-01") }),
    ).rejects.toMatchObject({ param: "level" });
  });
});

describe("re-aggregating history onto today's structure", () => {
  /** 30 April 2023's figures ranked on the units of 2026. */
  const rankedOnToday = (level: "PROVINCE" | "COMMUNE") =>
    getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level,
      asOf: day("2023-04-30"),
      structureOn: day("2026-01-01"),
    });

  it("carries old provinces' figures and targets onto their successors, approximate where a commune was split across them", async () => {
    const ranking = await rankedOnToday("PROVINCE");
    const items = byCode(ranking.items);
    expect(items["10"]).toMatchObject({ value: 1570, target: 1500, approximate: true, childrenTotal: null });
    expect(items["11"]).toMatchObject({ value: 1250, target: 1400, approximate: true });
    expect(ranking.items.map((i) => i.code)).toEqual(["10", "11"]);
  });

  it("divides a split commune equally between its successors and marks them approximate", async () => {
    const ranking = await rankedOnToday("COMMUNE");
    const values = Object.fromEntries(ranking.items.map((i) => [i.code, [i.value, i.approximate]]));
    expect(values).toEqual({
      "10001": [650, false],
      "10002": [200, true],
      "10003": [200, true],
      "10004": [100, true],
      "10005": [500, false],
      "11001": [100, true],
      "11002": [1050, false],
    });
  });
});
