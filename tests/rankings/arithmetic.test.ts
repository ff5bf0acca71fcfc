import { describe, expect, it } from "vitest";
import {
  comparePercentDesc,
  competitionRanks,
  daysAhead,
  forecastReachDate,
  percentOf,
} from "@/lib/rankings/arithmetic";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Row = { code: string; value: number | null; target: number | null };

function rank(rows: Row[]) {
  const sorted = [...rows].sort((a, b) => comparePercentDesc(a, b) || a.code.localeCompare(b.code));
  const ranks = competitionRanks(sorted, comparePercentDesc, (r) => percentOf(r.value, r.target) !== null);
  return sorted.map((r, i) => `${ranks[i]}:${r.code}`);
}

describe("percent and rank", () => {
  it("keeps percent above 100 uncapped", () => {
    expect(percentOf(12_835, 10_000)).toBeCloseTo(128.35, 10);
  });

  it("shares a rank between equal percents and skips the next (1, 2, 2, 4)", () => {
    expect(
      rank([
        { code: "A", value: 90, target: 100 },
        { code: "B", value: 80, target: 100 },
        { code: "C", value: 160, target: 200 },
        { code: "D", value: 50, target: 100 },
      ]),
    ).toEqual(["1:A", "2:B", "2:C", "4:D"]);
  });

  it("compares exactly: 1/3 and 2/6 tie where floating point would not decide", () => {
    expect(comparePercentDesc({ value: 1, target: 3 }, { value: 2, target: 6 })).toBe(0);
    expect(comparePercentDesc({ value: 1_000_000_001, target: 3_000_000_000 }, { value: 1, target: 3 })).toBeLessThan(
      0,
    );
  });

  it("puts units without a target or a figure last, unranked", () => {
    expect(
      rank([
        { code: "A", value: 5, target: null },
        { code: "B", value: 1, target: 10 },
        { code: "C", value: null, target: 10 },
      ]),
    ).toEqual(["1:B", "null:A", "null:C"]);
  });
});

describe("days ahead and forecast", () => {
  it("counts days before the deadline, negative when reached late", () => {
    expect(daysAhead(day("2024-06-30"), day("2024-05-16"), day("2024-07-01"))).toBe(45);
    expect(daysAhead(day("2024-06-30"), day("2024-07-10"), day("2024-08-01"))).toBe(-10);
  });

  it("is empty while not reached before the deadline, and counts days late after it", () => {
    expect(daysAhead(day("2024-06-30"), null, day("2024-06-01"))).toBeNull();
    expect(daysAhead(day("2024-06-30"), null, day("2024-07-03"))).toBe(-3);
    expect(daysAhead(null, day("2024-01-01"), day("2024-07-03"))).toBeNull();
  });

  it("forecasts at the recent weekly pace, and not at all when the pace is zero", () => {
    // 400 in 4 weeks = 100 a week; 250 to go = 2.5 weeks = 18 days (rounded up).
    expect(forecastReachDate(750, 1000, 350, day("2024-03-01"))).toEqual(day("2024-03-19"));
    expect(forecastReachDate(750, 1000, 750, day("2024-03-01"))).toBeNull();
    expect(forecastReachDate(1000, 1000, 900, day("2024-03-01"))).toBeNull();
  });
});
