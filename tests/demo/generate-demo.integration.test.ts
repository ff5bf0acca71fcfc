import { beforeEach, describe, expect, it } from "vitest";
import { generateDemo } from "@/lib/demo/generate-demo";
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
    const leaves = await prisma.figure.groupBy({ by: ["unitId"], _count: true });
    const codes = await prisma.unit.findMany({
      where: { id: { in: leaves.map((l) => l.unitId) } },
      select: { code: true },
    });
    // Old communes until 30 June 2025, new ones after; no figures for parents (they are sums).
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
});
