import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { weekChanges } from "@/lib/dashboard/week-changes";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { actorAt } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";
import { rankingItem } from "../setup/ranking-item";

const prisma = connectTestDatabase();

beforeAll(async () => {
  await loadSmallWorld(prisma);
});

/** A ranked unit with only what the week's changes read. */
function item(code: string, value: number | null, target: number | null, rank: number | null): RankingItem {
  const percent = value !== null && target ? (value / target) * 100 : null;
  return rankingItem({ code, name: `Tỉnh ${code}`, rank, value, target, percent });
}

const week = new Date("2026-11-29T00:00:00Z");

describe("what changed in a week", () => {
  it("each unit's increase and change in percent of target, the movers each way, who stopped reporting", () => {
    // A: 500 → 800 of 1000 (+300, +30 points); B: 100 → 150 of 200 (+50, +25 points);
    // C: 900 → 900 of 1000 (0); D: 400 → 350 of 500 (a correction: −50, −10 points);
    // E: no target (+70, no points); F: nothing this week nor before.
    const before = [item("A", 500, 1000, 3), item("B", 100, 200, 4), item("C", 900, 1000, 1), item("D", 400, 500, 2)];
    const now = [
      item("C", 900, 1000, 1),
      item("A", 800, 1000, 2),
      item("B", 150, 200, 3),
      item("D", 350, 500, 4),
      item("E", 70, null, null),
      item("F", null, 1000, null),
    ];
    const reporting = { thisWeek: new Set(["A", "B", "D", "E"]), lastWeek: new Set(["A", "B", "C", "D"]) };
    const c = weekChanges(now, [...before, item("E", null, null, null)], reporting, week);
    expect([c.week, c.previousWeek]).toEqual(["2026-11-29", "2026-11-22"]);
    const of = (code: string) => c.units.find((u) => u.code === code);
    expect(of("A")).toMatchObject({ increase: 300, rank: 2, rankChange: 1 });
    expect(of("A")?.pointsChange).toBeCloseTo(30, 9);
    expect(of("B")?.pointsChange).toBeCloseTo(25, 9);
    expect(of("C")).toMatchObject({ increase: 0, pointsChange: 0, rankChange: 0 });
    expect(of("D")).toMatchObject({ increase: -50, rankChange: -2 });
    expect(of("D")?.pointsChange).toBeCloseTo(-10, 9);
    // No figure a week before: no increase; no target: no points.
    expect(of("E")).toMatchObject({ increase: null, pointsChange: null });
    expect(of("F")).toMatchObject({ increase: null, pointsChange: null });
    // Ranked by the change in percent of target; units without one come last.
    expect(c.units.map((u) => u.code)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(c.up.map((u) => u.code)).toEqual(["A", "B"]);
    // C stopped reporting: it is listed as such, not as the unit that made no progress.
    expect(c.down.map((u) => u.code)).toEqual(["D"]);
    // C reported the week before and not this one; its last figure is named.
    expect(c.stopped).toEqual([{ code: "C", name: "Tỉnh C", value: 900 }]);
    // The largest rank moves are explained: D fell two places, passed by A and B.
    expect(c.rankReasons.map((r) => [r.code, r.places])).toEqual([
      ["D", -2],
      ["A", 1],
      ["B", 1],
    ]);
    expect(c.rankReasons[0]?.passedBy.map((m) => m.code)).toEqual(["A", "B"]);
  });

  it("names five movers each way, ties by increase then by name, never one unit in both", () => {
    const before = Array.from({ length: 12 }, (_, i) => item(`U${String(i).padStart(2, "0")}`, 100, 1000, null));
    // U00 … U11 gain 0, 10, …, 110; U10 and U11 tie in points with U09 but not in increase.
    const now = before.map((b, i) => item(b.code, 100 + Math.min(i, 9) * 10, i >= 10 ? 1000 : 1000, null));
    const c = weekChanges(now, before, { thisWeek: new Set(), lastWeek: new Set() }, week);
    expect(c.up.map((u) => u.code)).toEqual(["U09", "U10", "U11", "U08", "U07"]);
    expect(c.down.map((u) => u.code)).toEqual(["U00", "U01", "U02", "U03", "U04"]);
    expect(c.stopped).toEqual([]);
    // With no targets at all, movers go by the increase.
    const counts = weekChanges(
      [item("X", 50, null, null), item("Y", 90, null, null)],
      [item("X", 10, null, null), item("Y", 80, null, null)],
      { thisWeek: new Set(), lastWeek: new Set() },
      week,
    );
    expect(counts.up.map((u) => [u.code, u.increase])).toEqual([
      ["X", 40],
      ["Y", 10],
    ]);
  });
});

describe("what changed, on the dashboard", () => {
  it("a province's districts over the week ending 23 April 2023: increase, points, and a district that stopped", async () => {
    // 001 = 00001 + 00002: 450 on 16 April, 550 on 23 April, of 600 (+100, +16,67 points).
    // 002 = 00003: 300 on 16 April and no figure in the week to 23 April (stopped reporting).
    const viewer = await actorAt(prisma, "LEADERSHIP_VIEWER", "01");
    const d = await getDashboard(prisma, viewer, { indicator: "CCCD_INTAKE", date: "23/04/2023" });
    expect(d.asOf).toBe("2023-04-23");
    expect(d.badDate).toBeNull();
    expect(d.changes.week).toBe("2023-04-23");
    const [first, second] = d.changes.units;
    expect([first?.code, first?.increase, second?.code, second?.increase]).toEqual(["001", 100, "002", 0]);
    expect(first?.pointsChange).toBeCloseTo((100 / 600) * 100, 9);
    expect(d.changes.up.map((u) => u.code)).toEqual(["001"]);
    // 002 stopped reporting: named as such, never as the district that made no progress.
    expect(d.changes.down.map((u) => u.code)).toEqual([]);
    expect(d.changes.stopped).toEqual([{ code: "002", name: "A2", value: 300 }]);
  });

  it("the country over the week ending 30 April 2023, provinces ranked by their change in points", async () => {
    // 01: 850 → 1050 of 1000 (+20 points); 02 reported 520 itself, 400 before, of 500 (+24);
    // 03: 160 → 200 of 400 (+10); 04: 900 → 1050 of 1000 (+15). Everyone reported both weeks.
    const ministry = await actorAt(prisma, "LEADERSHIP_VIEWER", null);
    const d = await getDashboard(prisma, ministry, { indicator: "CCCD_INTAKE", date: "2023-04-30" });
    expect(d.changes.units.map((u) => [u.code, u.increase])).toEqual([
      ["02", 120],
      ["01", 200],
      ["04", 150],
      ["03", 40],
    ]);
    expect(d.changes.units.map((u) => Math.round((u.pointsChange ?? 0) * 100) / 100)).toEqual([24, 20, 15, 10]);
    expect(d.changes.up.map((u) => u.code)).toEqual(["02", "01", "04", "03"]);
    expect(d.changes.stopped).toEqual([]);
  });

  it("a date that is not one is named, and the page shows today", async () => {
    const viewer = await actorAt(prisma, "LEADERSHIP_VIEWER", "01");
    for (const date of ["31/02/2023", "12/31/2023", "hôm qua"]) {
      const d = await getDashboard(prisma, viewer, { date }, new Date("2023-05-08T10:00+07:00"));
      expect([d.badDate, d.asOf], date).toEqual([date, "2023-05-08"]);
    }
  });
});
