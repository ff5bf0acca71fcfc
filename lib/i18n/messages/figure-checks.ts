import { phrases } from "../phrase";

// What the figure rules (lib/figures/figure-rules.ts) say under a cell of the entry form, in the
// page's language. Counts arrive formatted for that language.

/** What each ceiling is called in a warning. */
export const CEILING_NAMES = phrases<Record<string, string>>({
  CCCD_ELIGIBLE: { vi: "số công dân đủ điều kiện", en: "the citizens eligible" },
  VNEID_L2_INTAKE: {
    vi: "số hồ sơ định danh điện tử mức 2 đã thu nhận",
    en: "the level-2 e-ID applications received",
  },
});

export const FIGURE_CHECKS = phrases({
  empty: { vi: "Nhập một số nguyên ≥ 0.", en: "Enter a whole number ≥ 0." },
  negative: { vi: "Không được âm.", en: "It cannot be negative." },
  notWhole: { vi: "Chỉ nhập số nguyên ≥ 0.", en: "Whole numbers ≥ 0 only." },
  tooLarge: { vi: "Số quá lớn.", en: "The number is too large." },
  needDenominator: { vi: "Nhập cả mẫu số.", en: "Enter the denominator too." },
  needNumerator: { vi: "Nhập cả tử số.", en: "Enter the numerator too." },
  numeratorAbove: {
    vi: (denominator: string) => `Tử số lớn hơn mẫu số (${denominator}).`,
    en: (denominator) => `The numerator is above the denominator (${denominator}).`,
  },
  decrease: {
    vi: (previous: string) => `Thấp hơn tuần trước (${previous}), nhưng đây là số cộng dồn.`,
    en: (previous) => `Lower than last week (${previous}), but this is a cumulative count.`,
  },
  jump: {
    vi: (weekly: string, times: number, usual: string) =>
      `Tăng ${weekly}/tuần, gấp ${times} lần mức thường (${usual}/tuần).`,
    en: (weekly, times, usual) => `Up ${weekly} a week, ${times} times the usual (${usual} a week).`,
  },
  aboveCeiling: {
    vi: (ceiling: string | undefined, code: string, value: string) =>
      `Vượt ${ceiling ?? `số liệu ${code}`} (${value}).`,
    en: (ceiling, code, value) => `Above ${ceiling ?? `figure ${code}`} (${value}).`,
  },
});
