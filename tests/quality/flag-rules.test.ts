import { describe, expect, it } from "vitest";
import { computeFlags, type FactsForFlags } from "@/lib/quality/compute-flags";
import type { FlagIndicator, FlagUnit } from "@/lib/quality/flag-data";
import {
  aboveCeiling,
  denominatorJump,
  increaseOutlier,
  MODIFIED_Z_LIMIT,
  modifiedZ,
  plainZ,
  repeatedValue,
} from "@/lib/quality/flag-rules";

describe("the modified z-score", () => {
  it("catches on skewed data the outlier the plain z-score lets hide itself", () => {
    // Weekly increases of a commune: skewed, with one typo (an extra zero) among them.
    const sample = [40, 42, 45, 47, 50, 55, 61, 70, 4_500];
    expect(Math.abs(plainZ(4_500, sample))).toBeLessThan(3);
    expect(Math.abs(plainZ(4_500, sample))).toBeLessThan(MODIFIED_Z_LIMIT);
    expect(modifiedZ(4_500, sample).m).toBeGreaterThan(MODIFIED_Z_LIMIT);
    // 0.6745 · (4500 − 50) / MAD, MAD = median(|x − 50|) = 8.
    expect(modifiedZ(4_500, sample).m).toBeCloseTo((0.6745 * 4_450) / 8, 6);
  });

  it("falls back to the mean absolute deviation when the MAD is 0, and to infinity when every value is the same", () => {
    const mostlyFlat = [10, 10, 10, 10, 10, 30];
    expect(modifiedZ(10, mostlyFlat).m).toBe(0);
    // MAD = 0; MeanAD = 20/6.
    expect(modifiedZ(110, mostlyFlat).m).toBeCloseTo(100 / (1.253314 * (20 / 6)), 6);
    expect(modifiedZ(500, [7, 7, 7, 7]).m).toBe(Number.POSITIVE_INFINITY);
    expect(modifiedZ(7, [7, 7, 7, 7]).m).toBe(0);
  });
});

describe("each rule", () => {
  const usual = [48, 52, 50, 49, 55, 51, 47, 53];
  it("flags an increase far from the unit's history, not a usual one nor a small gap", () => {
    expect(increaseOutlier(5_000, usual, [])).toMatchObject({ against: "history", usual: 50.5 });
    expect(increaseOutlier(60, usual, [])).toBeNull();
    // Far in z but only 40 above usual: too small to matter.
    expect(increaseOutlier(9, [2, 2, 2, 2, 3], [])).toBeNull();
  });

  it("uses the siblings when the unit's history is short", () => {
    expect(increaseOutlier(5_000, [50], [40, 60, 55, 45, 50, 52])).toMatchObject({ against: "siblings" });
    expect(increaseOutlier(5_000, [50], [40, 60])).toBeNull();
  });

  it("flags a value repeated three weeks while the siblings moved, not otherwise", () => {
    expect(repeatedValue([100, 120, 120, 120], 0.8)).toBe(3);
    expect(repeatedValue([120, 120, 120, 120], 0.5)).toBe(4);
    expect(repeatedValue([100, 110, 120, 120], 0.8)).toBeNull();
    expect(repeatedValue([120, 120, 120], 0.2)).toBeNull();
    expect(repeatedValue([100, 110, 120, 130], 0.9)).toBeNull();
  });

  it("flags a count above its ceiling and a denominator that jumps", () => {
    expect(aboveCeiling(1_050, 1_000)).toBeCloseTo(1.05);
    expect(aboveCeiling(1_000, 1_000)).toBeNull();
    expect(denominatorJump(200, 2_000)).toBe(10);
    expect(denominatorJump(200, 210)).toBeNull();
    expect(denominatorJump(25, 25)).toBeNull();
    // Growing 1.8 times like every sibling is the program ramping up; ten times is not.
    const siblings = [1.7, 1.8, 1.75, 1.85, 1.8, 1.78];
    expect(denominatorJump(200, 360, siblings)).toBeNull();
    expect(denominatorJump(200, 2_000, siblings)).toBe(10);
    // 4 procedures becoming 7: a large factor, a small change.
    expect(denominatorJump(4, 7)).toBeNull();
  });

  it("does not flag a week slower than usual that still goes up, but does flag a running total going down", () => {
    expect(increaseOutlier(296, [480, 485, 490, 478, 492, 487], [])).toBeNull();
    expect(increaseOutlier(-400, usual, [])).toMatchObject({ increase: -400 });
  });
});

describe("the week's flags from hand-made facts", () => {
  const week = new Date("2026-11-29T00:00:00Z");
  const unit = (id: number, parentId = 1): FlagUnit => ({
    id,
    code: `0000${id}`,
    name: `Xã ${id}`,
    parentId,
    inScope: true,
  });
  const indicator = (
    id: number,
    code: string,
    kind: FlagIndicator["kind"],
    num?: number,
    den?: number,
  ): FlagIndicator => ({
    id,
    code,
    nameVi: code,
    nameEn: code,
    kind,
    numeratorId: num ?? null,
    denominatorId: den ?? null,
  });
  const indicators = [
    indicator(1, "CCCD_ELIGIBLE", "STOCK"),
    indicator(2, "CCCD_INTAKE", "CUMULATIVE"),
    indicator(3, "BHYT_SYNC", "RATIO"),
    indicator(4, "CCCD_COVERAGE", "DERIVED", 2, 1),
  ];
  /** Weekly values, this week last (index from the end = weeks ago). */
  const series = (unitId: number, indicatorId: number, values: (number | null)[], dens: (number | null)[] = []) => {
    const ago = (i: number, list: unknown[]) => list.length - 1 - i;
    return {
      unitId,
      indicatorId,
      values: new Map(values.flatMap((v, i) => (v === null ? [] : [[ago(i, values), v] as [number, number]]))),
      dens: new Map(dens.flatMap((v, i) => (v === null ? [] : [[ago(i, dens), v] as [number, number]]))),
    };
  };
  const normal = (unitId: number, start: number) =>
    series(
      unitId,
      2,
      Array.from({ length: 10 }, (_, i) => start + i * 50 + (i % 3) * 4),
    );
  const base = (extra: FactsForFlags["series"], late: FactsForFlags["late"] = []): FactsForFlags => ({
    week,
    units: [1, 2, 3, 4, 5, 6].map((id) => unit(id + 1)),
    indicators,
    series: [
      ...[2, 3, 4, 5, 6].map((id) => normal(id, 1_000 * id)),
      ...[2, 3, 4, 5, 6, 7].map((id) => series(id, 1, Array(10).fill(100_000))),
      ...extra,
    ],
    late,
  });
  const kinds = (facts: FactsForFlags) => computeFlags(facts).map((f) => `${f.kind}:${f.unit.code}`);

  it("raises nothing on normal series", () => {
    expect(kinds(base([normal(7, 7_000)]))).toEqual([]);
  });

  it("raises an outlier for a tenfold figure, at high severity, with its numbers", () => {
    const typo = series(7, 2, [7_000, 7_050, 7_100, 7_150, 7_200, 7_250, 7_300, 7_350, 7_400, 74_500]);
    const [flag] = computeFlags(base([typo]));
    expect(flag).toMatchObject({
      kind: "outlier",
      severity: 3,
      unit: { code: "00007" },
      numbers: { value: 74_500, previous: 7_400, increase: 67_100, usual: 50, against: "history" },
    });
  });

  it("raises a repeated value, coverage above 100 %, a denominator jump, a stop and a late change", () => {
    const flat = series(7, 2, [7_000, 7_050, 7_100, 7_150, 7_200, 7_250, 7_300, 7_400, 7_400, 7_400]);
    const over = series(7, 1, Array(10).fill(7_300));
    const ratio = series(
      7,
      3,
      [null, null, 10, null, null, null, 12, null, null, 30],
      [null, null, 200, null, null, null, 200, null, null, 2_000],
    );
    const stopped = series(2, 2, [2_000, 2_050, 2_100, 2_150, 2_200, 2_250, 2_300, 2_350, 2_400, null]);
    const facts = base([flat, over, ratio]);
    facts.series = facts.series.filter(
      (s) => !(s.unitId === 2 && s.indicatorId === 2) && !(s.unitId === 7 && s.indicatorId === 1),
    );
    facts.series.push(stopped, over);
    facts.series = facts.series.filter((s) => !(s.unitId === 2 && s.indicatorId === 1));
    const late = [
      {
        unitId: 3,
        indicatorId: 2,
        at: new Date("2026-12-01T03:00:00Z"),
        actor: "xa3",
        from: 3_450,
        to: 3_460,
        approvedAt: new Date("2026-11-30T03:00:00Z"),
        approvedBy: "huyen",
      },
    ];
    expect(kinds({ ...facts, late }).sort()).toEqual(
      [
        "above-eligible:00007",
        "changed-after-approval:00003",
        "denominator-jump:00007",
        "repeated:00007",
        "stopped-reporting:00002",
      ].sort(),
    );
    const flags = computeFlags({ ...facts, late });
    expect(flags[0]?.kind).toBe("changed-after-approval");
    expect(flags.find((f) => f.kind === "above-eligible")?.numbers).toMatchObject({ value: 7_400, ceiling: 7_300 });
  });

  it("leaves out units outside the scope, though they count as siblings", () => {
    const typo = series(7, 2, [7_000, 7_050, 7_100, 7_150, 7_200, 7_250, 7_300, 7_350, 7_400, 74_500]);
    const facts = base([typo]);
    facts.units = facts.units.map((u) => (u.id === 7 ? { ...u, inScope: false } : u));
    expect(kinds(facts)).toEqual([]);
  });
});
