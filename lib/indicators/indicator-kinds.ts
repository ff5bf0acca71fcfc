import type { IndicatorKind } from "@/lib/generated/prisma/enums";

// What each kind of indicator is made of. Everything that reads or writes figures asks these
// questions instead of naming kinds, so a kind's rules live here.

/** RATIO, CHECKLIST and DERIVED figures are a numerator over a denominator. */
export function hasDenominator(kind: IndicatorKind): boolean {
  return kind === "RATIO" || kind === "CHECKLIST" || kind === "DERIVED";
}

/** STOCK and CUMULATIVE: plain counts, with count targets. */
export function isCount(kind: IndicatorKind): boolean {
  return kind === "STOCK" || kind === "CUMULATIVE";
}

/** Kinds whose figures people enter or import; DERIVED and COMPOSITE are computed. */
export function isEntered(kind: IndicatorKind): boolean {
  return kind === "STOCK" || kind === "CUMULATIVE" || kind === "RATIO" || kind === "CHECKLIST";
}

/** Targets of indicators with a denominator are shares, stored in hundredths of a percent. */
export const SHARE_TARGET_SCALE = 100;

/** The kinds as written in the CLI and the form: COUNT is a running total unless said to be a stock. */
export const DEFINABLE_KINDS = ["COUNT", "STOCK", "CUMULATIVE", "RATIO", "CHECKLIST", "DERIVED", "COMPOSITE"] as const;
export type DefinableKind = (typeof DEFINABLE_KINDS)[number];

export function storedKind(kind: DefinableKind): IndicatorKind {
  return kind === "COUNT" ? "CUMULATIVE" : kind;
}

export const KIND_NAMES: Record<IndicatorKind, { vi: string; en: string }> = {
  STOCK: { vi: "Số lượng tại một thời điểm", en: "Count at a date" },
  CUMULATIVE: { vi: "Số cộng dồn", en: "Running total" },
  RATIO: { vi: "Tỷ lệ (tử số / mẫu số)", en: "Ratio (numerator / denominator)" },
  CHECKLIST: { vi: "Danh mục (đã xong / phải làm)", en: "Checklist (done / required)" },
  DERIVED: { vi: "Tỷ lệ tính từ hai chỉ tiêu", en: "Ratio of two indicators" },
  COMPOSITE: { vi: "Bộ chỉ số (thang điểm)", en: "Scorecard (points)" },
};

/** Default score bands: below 80 %, 80–90 %, from 90 % of the total points. */
export const DEFAULT_BANDS = [80, 90];

/** How tables show a unit's figure: a count, a numerator over a denominator, or a scorecard's points. */
export type Measure = "count" | "ratio" | "score";

export function measureOf(kind: IndicatorKind): Measure {
  return kind === "COMPOSITE" ? "score" : hasDenominator(kind) ? "ratio" : "count";
}
