import { describe, expect, it } from "vitest";
import { bandOf, exactScoreOf, type Progress } from "@/lib/indicators/score-model";
import { compareFractionDesc, type Fraction, fraction, toNumber } from "@/lib/rankings/arithmetic";

const f = (n: number, d: number) => fraction(n, d);
const points = (n: number) => fraction(n, 1) as Fraction;
/** A progress of n / d. */
const part = (n: number, d: number): Progress => ({ n, k: 1, d, e: 1 });

describe("a scorecard's arithmetic", () => {
  it("gives each component its weight × its share, at most the weight, and nothing when it is missing", () => {
    // 18 × 78,9 % + 20 × 120 % (capped at 20) + 22 × nothing
    const score = exactScoreOf([
      { weight: 18, progress: part(789, 1000) },
      { weight: 20, progress: part(6, 5) },
      { weight: 22, progress: null },
    ]);
    expect(toNumber(score)).toBeCloseTo(14.202 + 20, 12);
  });

  it("compares scores exactly: 60 × 2/3 and 40 × 1 tie, although 60 × 0,6666… in floating point does not", () => {
    const a = exactScoreOf([{ weight: 60, progress: part(4, 6) }]);
    const b = exactScoreOf([{ weight: 40, progress: part(1, 1) }]);
    expect(compareFractionDesc(a, b)).toBe(0);
    expect(compareFractionDesc(a, exactScoreOf([{ weight: 40, progress: part(999, 1000) }]))).toBe(-1);
  });

  it("names the band by the score's share of the maximum", () => {
    expect(bandOf(f(7999, 100) as Fraction, 100, [80, 90])).toBe("< 80");
    expect(bandOf(points(80), 100, [80, 90])).toBe("80–90");
    expect(bandOf(points(90), 100, [80, 90])).toBe("≥ 90");
    // 29 of 34 points is 85,3 %.
    expect(bandOf(points(29), 34, [80, 90])).toBe("80–90");
    // 16,08 of 20,1 is exactly 80 %; 16.08 / 20.1 × 100 in floating point is 79,999…
    expect((16.08 / 20.1) * 100).toBeLessThan(80);
    expect(bandOf(f(1608, 100) as Fraction, 20.1, [80, 90])).toBe("80–90");
  });
});
