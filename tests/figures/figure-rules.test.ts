import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AT_MOST,
  COUNT_PROBLEM_FORM,
  figureFindings,
  fileMessage,
  formMessage,
  MAX_COUNT,
  parseCount,
  readTypedCount,
  usualWeeklyIncrease,
} from "@/lib/figures/figure-rules";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Weekly points ending the Sunday before 2026-11-29, rising by `step` a week. */
const weekly = (count: number, step: number, start = 1000) =>
  Array.from({ length: count }, (_, i) => ({
    asOf: new Date(day("2026-11-22").getTime() - (count - 1 - i) * 7 * 86_400_000),
    value: start + i * step,
  }));

describe("counts as people write them (form and file alike)", () => {
  it("reads Vietnamese thousands separators and refuses anything but whole counts", () => {
    expect(parseCount("1.234.567")).toEqual({ value: 1_234_567 });
    expect(parseCount(" 12 345 ")).toEqual({ value: 12_345 });
    expect(parseCount("12\u00a0345")).toEqual({ value: 12_345 });
    expect(parseCount("")).toEqual({ problem: "empty" });
    expect(parseCount("-5")).toEqual({ problem: "negative" });
    expect(parseCount("12,5")).toEqual({ problem: "not-whole" });
    expect(parseCount("12.5")).toEqual({ problem: "not-whole" });
    // Grouping is in threes: "1.2.3" is not 123.
    expect(parseCount("1.2.3")).toEqual({ problem: "not-whole" });
    expect(parseCount("99999999999")).toEqual({ problem: "too-large" });
    expect(readTypedCount("")).toEqual({ value: null, error: null });
    expect(readTypedCount("abc")).toEqual({ value: null, error: COUNT_PROBLEM_FORM["not-whole"] });
  });

  it("reads English thousands separators on an English page, where a point is a decimal", () => {
    expect(parseCount("88,700", "en")).toEqual({ value: 88_700 });
    expect(parseCount("1,234,567", "en")).toEqual({ value: 1_234_567 });
    expect(parseCount("88.700", "en")).toEqual({ problem: "not-whole" });
    expect(parseCount("88.700", "vi")).toEqual({ value: 88_700 });
    expect(parseCount("88,700", "vi")).toEqual({ problem: "not-whole" });
    expect(readTypedCount("12x", "en")).toEqual({ value: null, error: "Whole numbers ≥ 0 only." });
    expect(readTypedCount("12x")).toEqual({ value: null, error: "Chỉ nhập số nguyên ≥ 0." });
  });

  it("reads every count back from its Vietnamese, spaced or plain writing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_COUNT }), fc.constantFrom(".", " ", "\u00a0", ""), (n, separator) => {
        const written = separator ? n.toLocaleString("vi-VN").replaceAll(".", separator) : String(n);
        expect(parseCount(written)).toEqual({ value: n });
      }),
    );
  });

  it("accepts from digit-and-separator text only whole counts within range, never a misread group", () => {
    const text = fc.string({ unit: fc.constantFrom("0", "1", "5", "9", ".", " ", "-", ","), maxLength: 14 });
    fc.assert(
      fc.property(text, (written) => {
        const parsed = parseCount(written);
        if ("problem" in parsed) return;
        expect(Number.isInteger(parsed.value) && parsed.value >= 0 && parsed.value <= MAX_COUNT).toBe(true);
        // What was accepted is the digits written, in order: no group dropped or invented.
        expect(String(parsed.value)).toBe(String(Number(written.trim().replace(/^-/, "").replace(/[. ]/g, ""))));
      }),
    );
  });
});

describe("warnings on a figure", () => {
  const history = weekly(6, 40);
  const previous = history.at(-1) ?? null;
  const base = {
    asOf: day("2026-11-29"),
    cumulative: true,
    previous,
    usual: usualWeeklyIncrease(history),
    ceiling: null,
  };

  it("takes the usual increase as the median weekly rate, and none from fewer than three", () => {
    expect(usualWeeklyIncrease(history)).toBe(40);
    expect(usualWeeklyIncrease(weekly(3, 40))).toBeNull();
    // A fortnight's gap counts as two weeks, not one big step.
    const gap = [...weekly(4, 40), { asOf: day("2026-12-06"), value: 1000 + 3 * 40 + 80 }];
    expect(usualWeeklyIncrease(gap)).toBe(40);
  });

  it("flags a cumulative value lower than last week", () => {
    expect(figureFindings({ ...base, value: 1190 }).map(formMessage)).toEqual([
      expect.stringMatching(/Thấp hơn tuần trước \(1\.200\)/),
    ]);
  });

  it("flags a jump far above the usual weekly increase, and not an ordinary one", () => {
    expect(figureFindings({ ...base, value: 1400 }).map(formMessage)).toEqual([
      expect.stringMatching(/Tăng 200\/tuần, gấp 5 lần.*40\/tuần/),
    ]);
    expect(figureFindings({ ...base, value: 1350 })).toEqual([]);
    expect(figureFindings({ ...base, value: 1400, cumulative: false })).toEqual([]);
  });

  it("flags intake above the eligible population, and accounts activated above the applications", () => {
    const eligible = { of: AT_MOST.CCCD_INTAKE as string, value: 5000 };
    expect(figureFindings({ ...base, previous: null, value: 5001, ceiling: eligible }).map(formMessage)).toEqual([
      "Vượt số công dân đủ điều kiện (5.000).",
    ]);
    expect(figureFindings({ ...base, previous: null, value: 5000, ceiling: eligible })).toEqual([]);
    const intake = { of: AT_MOST.VNEID_L2_ACTIVATED as string, value: 700 };
    expect(figureFindings({ ...base, previous: null, value: 701, ceiling: intake }).map(fileMessage)).toEqual([
      "vượt số hồ sơ định danh điện tử mức 2 đã thu nhận (700) của đơn vị cùng ngày",
    ]);
  });
});
