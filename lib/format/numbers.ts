const COUNT = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1.234.567, as Vietnamese documents write counts; empty for a missing value. */
export function formatCount(value: number | null): string {
  return value === null ? "" : COUNT.format(value);
}

/** 128,35 %: two decimals, never capped at 100. */
export function formatPercent(value: number | null): string {
  return value === null ? "" : `${PERCENT.format(value)} %`;
}

/** 14,31: points of a scorecard, two decimals at most; empty for a missing value. */
export function formatPoints(value: number | null): string {
  return value === null ? "" : POINTS.format(value);
}
const POINTS = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
