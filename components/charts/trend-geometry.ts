/** Where a trend chart's lines, ticks and labels go: plain arithmetic, drawn by trend-chart-svg.tsx. */

export type TrendPoint = { asOf: string; value: number };

export type TrendBox = {
  width: number;
  height: number;
  /** Room left of the plot for the value labels, below it for the dates. */
  left: number;
  bottom: number;
  top: number;
  right: number;
};

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** 1, 2 or 5 times a power of ten: the step that gives about `count` ticks from 0 to `max`. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0)) return 1;
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return step;
}

export type TrendLayout = {
  x: (iso: string) => number;
  y: (value: number) => number;
  yTicks: number[];
  xTicks: string[];
};

/**
 * Scales for the figures, the forecast and the target: time across (to scale, so a forecast's
 * weeks to the deadline look as long as they are), values up from zero to a round number above
 * the largest of them.
 */
export function trendLayout(
  points: TrendPoint[],
  forecast: TrendPoint[],
  target: number | null,
  box: TrendBox,
  tickCounts: { x: number; y: number },
): TrendLayout {
  const all = [...points, ...forecast];
  const times = all.map((p) => dayOf(p.asOf));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const largest = Math.max(0, target ?? 0, ...all.map((p) => p.value));
  const step = niceStep(largest, tickCounts.y);
  const top = Math.max(step, Math.ceil((largest * 1.02) / step) * step);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (iso: string) =>
    box.left + (last === first ? plotWidth / 2 : ((dayOf(iso) - first) / (last - first)) * plotWidth);
  const y = (value: number) => box.top + plotHeight - (value / top) * plotHeight;
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  // Dates evenly spread over the span, each at a point that exists, first and last included.
  const dates = [...new Set(all.map((p) => p.asOf))].sort();
  const xCount = Math.min(tickCounts.x, dates.length);
  const xTicks =
    xCount <= 1
      ? dates.slice(0, 1)
      : [
          ...new Set(
            Array.from({ length: xCount }, (_, i) => dates[Math.round((i * (dates.length - 1)) / (xCount - 1))]),
          ),
        ];
  return { x, y, yTicks, xTicks: xTicks.filter((d): d is string => d !== undefined) };
}

/** An SVG path through the points, in order of date. */
export function linePath(points: TrendPoint[], layout: TrendLayout): string {
  return [...points]
    .sort((a, b) => a.asOf.localeCompare(b.asOf))
    .map((p, i) => `${i ? "L" : "M"}${layout.x(p.asOf).toFixed(1)} ${layout.y(p.value).toFixed(1)}`)
    .join(" ");
}
