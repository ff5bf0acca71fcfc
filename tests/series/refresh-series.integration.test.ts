import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildSeries } from "@/lib/series/refresh-series";
import { connectTestDatabase, resetDatabase, truncateTables } from "../setup/database";
import { loadFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const WEEKS = ["2023-04-02", "2023-04-09", "2023-04-16", "2023-04-23", "2023-04-30"];
const UNITS = ["00001", "00002", "00003", "00004", "001", "02"]; // communes, a district, a province
const TREE: Record<string, string[]> = {
  "01": ["001", "002"],
  "001": ["00001", "00002"],
  "002": ["00003"],
  "02": ["003"],
  "003": ["00004"],
};

const snapshot = async () =>
  (
    await prisma.unitSeries.findMany({
      select: { unitId: true, asOf: true, value: true, ownValue: true, childrenSum: true, peak: true },
      orderBy: [{ unitId: "asc" }, { asOf: "asc" }],
    })
  ).map((s) => `${s.unitId}@${s.asOf.toISOString().slice(0, 10)}=${s.value}/${s.ownValue}/${s.childrenSum}/${s.peak}`);

/** The rule written out independently: own latest figure if any, else the children's sum. */
function expectedValue(figures: Map<string, [string, number][]>, code: string, on: string): number | null {
  const own = (figures.get(code) ?? [])
    .filter(([d]) => d <= on)
    .sort(([a], [b]) => a.localeCompare(b))
    .at(-1);
  if (own) return own[1];
  const children = (TREE[code] ?? []).map((c) => expectedValue(figures, c, on)).filter((v) => v !== null);
  return children.length ? children.reduce((a, b) => a + b, 0) : null;
}

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
});

describe("the rankings' read model", () => {
  it("after any sequence of incremental saves equals a full rebuild and the rule computed independently", async () => {
    const row = fc.record({
      unit: fc.constantFrom(...UNITS),
      week: fc.integer({ min: 0, max: WEEKS.length - 1 }),
      value: fc.integer({ min: 0, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        async (batches) => {
          await truncateTables("figure", "unit_series", "audit_entry");
          const figures = new Map<string, [string, number][]>();
          for (const batch of batches) {
            const unique = new Map(batch.map((r) => [`${r.unit}|${r.week}`, r]));
            const lines = [...unique.values()].map((r) => `${r.unit},CCCD_INTAKE,${WEEKS[r.week]},${r.value}`);
            await loadFigures(prisma, `unit_code,indicator,as_of,value\n${lines.join("\n")}`);
            for (const r of unique.values()) {
              const list = (figures.get(r.unit) ?? []).filter(([d]) => d !== WEEKS[r.week]);
              figures.set(r.unit, [...list, [WEEKS[r.week] as string, r.value]]);
            }
          }
          const incremental = await snapshot();
          await prisma.$executeRawUnsafe("TRUNCATE unit_series");
          const intake = await prisma.indicator.findUniqueOrThrow({ where: { code: "CCCD_INTAKE" } });
          await rebuildSeries(prisma, [intake.id]);
          expect(incremental).toEqual(await snapshot());

          const province = await prisma.unit.findFirstOrThrow({ where: { code: "01" } });
          for (const week of WEEKS) {
            const point = await prisma.unitSeries.findFirst({
              where: { unitId: province.id, asOf: { lte: new Date(`${week}T00:00:00Z`) } },
              orderBy: { asOf: "desc" },
            });
            expect(point ? Number(point.value) : null).toBe(expectedValue(figures, "01", week));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
