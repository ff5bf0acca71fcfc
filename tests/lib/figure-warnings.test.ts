import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureWarnings, parseTypedCount } from "@/lib/entry/figure-warnings";

const facts = { previous: 1000, usualIncrease: 40, cumulative: true, eligible: 5000, isIntake: true };

describe("typed counts", () => {
  it("reads Vietnamese thousands separators and refuses anything but whole counts", () => {
    expect(parseTypedCount("1.234.567").value).toBe(1_234_567);
    expect(parseTypedCount(" 12 345 ").value).toBe(12_345);
    expect(parseTypedCount("")).toEqual({ value: null, error: null });
    expect(parseTypedCount("-5").error).toMatch(/âm/);
    expect(parseTypedCount("12,5").error).toMatch(/số nguyên/);
    expect(parseTypedCount("abc").error).toMatch(/số nguyên/);
    expect(parseTypedCount("99999999999").error).toMatch(/quá lớn/);
  });

  it("never accepts a value that is not a non-negative integer", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { value } = parseTypedCount(text);
        return value === null || (Number.isInteger(value) && value >= 0);
      }),
    );
  });
});

describe("warnings before saving", () => {
  it("flags a cumulative value lower than last week", () => {
    expect(figureWarnings({ ...facts, value: 990 })).toEqual([expect.stringMatching(/Thấp hơn tuần trước \(1\.000\)/)]);
  });
  it("flags a jump far above the usual weekly increase", () => {
    expect(figureWarnings({ ...facts, value: 1200 })).toEqual([expect.stringMatching(/Tăng 200.*gấp 5 lần.*40\/tuần/)]);
    expect(figureWarnings({ ...facts, value: 1150 })).toEqual([]);
  });
  it("flags intake above the eligible population", () => {
    expect(figureWarnings({ ...facts, previous: null, value: 5001 })).toEqual([
      expect.stringMatching(/Vượt số công dân đủ điều kiện \(5\.000\)/),
    ]);
  });
});
