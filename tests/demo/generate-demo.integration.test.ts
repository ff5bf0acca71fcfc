import { beforeEach, describe, expect, it } from "vitest";
import { generateDemo } from "@/lib/demo/generate-demo";
import { getRanking } from "@/lib/rankings/get-ranking";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const snapshot = async () =>
  (
    await prisma.figure.findMany({
      select: { unitId: true, indicatorId: true, asOf: true, value: true },
      orderBy: { id: "asc" },
    })
  ).map((f) => `${f.unitId}:${f.indicatorId}:${f.asOf.toISOString().slice(0, 10)}:${f.value}`);

beforeEach(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
});

describe("demo data", () => {
  it("is the same for the same seed and different for another", async () => {
    const options = { weeks: 20, until: day("2025-10-05") };
    await generateDemo(prisma, { ...options, seed: "a" });
    const first = await snapshot();
    await generateDemo(prisma, { ...options, seed: "a" });
    expect(await snapshot()).toEqual(first);
    await generateDemo(prisma, { ...options, seed: "b" });
    expect(await snapshot()).not.toEqual(first);
  });

  it("writes weekly rising figures for the units without children, across the reorganisation, and cascades targets", async () => {
    const { figures } = await generateDemo(prisma, { weeks: 20, seed: "a", until: day("2025-10-05") });
    expect(figures).toBeGreaterThan(0);
    const leaves = await prisma.figure.groupBy({
      by: ["unitId"],
      where: { indicator: { kind: { not: "CHECKLIST" } } },
      _count: true,
    });
    const codes = await prisma.unit.findMany({
      where: { id: { in: leaves.map((l) => l.unitId) } },
      select: { code: true },
    });
    // Old communes until 30 June 2025, new ones after; no figures for parents (they are sums),
    // except the provinces' own checklist.
    expect(codes.map((c) => c.code).sort()).toEqual([
      "00001",
      "00002",
      "00003",
      "00004",
      "00005",
      "00006",
      "10001",
      "10002",
      "10003",
      "10004",
      "10005",
      "11001",
      "11002",
    ]);
    const intake = await prisma.figure.findMany({
      where: { indicator: { code: "CCCD_INTAKE" }, unit: { code: "00001" } },
      orderBy: { asOf: "asc" },
    });
    for (let i = 1; i < intake.length; i++) expect(intake[i]?.value).toBeGreaterThanOrEqual(intake[i - 1]?.value ?? 0);
    expect(await prisma.auditEntry.count({ where: { entity: "figure" } })).toBe(figures);

    const targets = await prisma.target.findMany({
      where: { indicator: { code: "CCCD_INTAKE" } },
      include: { unit: true },
    });
    const value = (code: string) => targets.find((t) => t.unit.code === code)?.value ?? 0;
    expect(value("001")).toBe(value("00001") + value("00002"));
    expect(value("01")).toBe(value("001") + value("002"));
    expect(value("10")).toBe(["10001", "10002", "10003", "10004", "10005"].reduce((sum, c) => sum + value(c), 0));
  });

  it("fills every kind of indicator: ratios every four weeks, the provinces' checklist, coverage and the scorecard", async () => {
    await generateDemo(prisma, { weeks: 20, seed: "a", until: day("2025-10-05") });
    const ratios = await prisma.figure.findMany({
      where: { indicator: { code: "BHYT_SYNC" }, unit: { code: "10001" } },
    });
    expect(ratios.map((f) => f.asOf.toISOString().slice(0, 10)).sort()).toEqual([
      "2025-07-13",
      "2025-08-10",
      "2025-09-07",
      "2025-10-05",
    ]);
    for (const f of ratios) expect(f.value).toBeLessThanOrEqual(f.denominator ?? -1);
    const checklist = await prisma.figure.findMany({
      where: { indicator: { code: "DVC_THIET_YEU" } },
      include: { unit: true },
    });
    expect(new Set(checklist.map((f) => f.unit.level))).toEqual(new Set(["PROVINCE"]));
    expect(new Set(checklist.map((f) => f.denominator))).toEqual(new Set([25]));

    const coverage = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_COVERAGE",
      level: "PROVINCE",
      asOf: day("2025-10-05"),
    });
    const intake = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day("2025-10-05"),
    });
    const eligible = await getRanking(prisma, {
      basis: "live",
      indicator: "CCCD_ELIGIBLE",
      level: "PROVINCE",
      asOf: day("2025-10-05"),
    });
    for (const item of coverage.items) {
      expect(item.numerator).toBe(intake.items.find((i) => i.code === item.code)?.value);
      expect(item.denominator).toBe(eligible.items.find((i) => i.code === item.code)?.value);
    }
    const scores = await getRanking(prisma, {
      basis: "live",
      indicator: "BO_CHI_SO_PVND",
      level: "PROVINCE",
      asOf: day("2025-10-05"),
    });
    expect(scores.items.map((i) => i.code).sort()).toEqual(["10", "11"]);
    for (const item of scores.items) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(100);
      expect(item.components?.map((c) => c.weight)).toEqual([18, 20, 22, 22, 18]);
      expect(item.score).toBeCloseTo(
        (item.components ?? []).reduce((sum, c) => sum + c.points, 0),
        9,
      );
    }
  });
});
