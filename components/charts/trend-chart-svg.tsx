import { linePath, type TrendBox, type TrendPoint, trendLayout } from "./trend-geometry";

export type TrendLabels = { value: string; forecast: string; target: string; numberLocale: string };
export const VIETNAMESE: TrendLabels = {
  value: "Số liệu",
  forecast: "Dự báo",
  target: "Chỉ tiêu",
  numberLocale: "vi-VN",
};
const dayOf = (iso: string) => iso.split("-").reverse().join("/");

export type TrendChartProps = {
  points: TrendPoint[];
  target: number | null;
  /** What the chart shows, read by screen readers and kept in the saved image's title. */
  label: string;
  forecast?: TrendPoint[];
  labels?: TrendLabels;
};

/**
 * Sizes drawn for each screen width: text stays about 12 px high whatever the width, where one
 * scaled drawing would make it tiny on a phone and large on a wide screen. Only the one for the
 * current width is displayed; the saved image takes the one on screen.
 */
const SIZES = [
  // A phone's narrow axis writes millions short ("8 Tr"), leaving the width to the line.
  { className: "sm:hidden", box: box(360, 240, 48), ticks: { x: 3, y: 4 }, compact: true },
  { className: "hidden sm:block lg:hidden", box: box(640, 260, 80), ticks: { x: 5, y: 5 }, compact: false },
  { className: "hidden lg:block", box: box(1000, 300, 88), ticks: { x: 7, y: 5 }, compact: false },
] as const;

function box(width: number, height: number, left: number): TrendBox {
  return { width, height, left, bottom: 24, top: 10, right: 16 };
}

/**
 * A unit's value over time against its target in force, and optionally the forecast to the
 * deadline, drawn on the server as SVG: it is on the page before any JavaScript arrives and
 * prints whole. The figures of every week are in the tables and files; the chart writes the latest.
 */
export function TrendChartSvg({ points, target, label, forecast = [], labels = VIETNAMESE }: TrendChartProps) {
  return (
    <div role="img" aria-label={label} className="w-full">
      {SIZES.map((size) => (
        <TrendDrawing
          key={size.className}
          {...{ points, target, forecast, labels }}
          className={size.className}
          box={size.box}
          ticks={size.ticks}
          compact={size.compact}
        />
      ))}
    </div>
  );
}

function TrendDrawing({
  points,
  target,
  forecast,
  labels,
  className,
  box,
  ticks,
  compact,
}: Required<Omit<TrendChartProps, "label">> & {
  className: string;
  box: TrendBox;
  ticks: { x: number; y: number };
  compact: boolean;
}) {
  const count = new Intl.NumberFormat(labels.numberLocale);
  const axis = compact ? new Intl.NumberFormat(labels.numberLocale, { notation: "compact" }) : count;
  const layout = trendLayout(points, forecast, target, box, ticks);
  const plotRight = box.width - box.right;
  /** A horizontal line across the plot at height y. */
  const across = (y: number) => `M${box.left} ${y.toFixed(1)} H${plotRight}`;
  // The latest figure is written at the end of its line: the number a reader looks for first.
  const last = points.reduce<TrendPoint | null>((a, p) => (a && a.asOf > p.asOf ? a : p), null);
  const plotBottom = box.height - box.bottom;
  return (
    <svg
      viewBox={`0 0 ${box.width} ${box.height}`}
      className={`${className} h-auto w-full overflow-visible`}
      aria-hidden="true"
      data-chart="trend"
    >
      <g fontSize={12} fill="#475569">
        {layout.yTicks.map((tick) => (
          <g key={tick}>
            <path d={across(layout.y(tick))} stroke="#e2e8f0" strokeDasharray={tick ? "3 3" : undefined} />
            <text x={box.left - 6} y={layout.y(tick) + 4} textAnchor="end">
              {axis.format(tick)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((day, i) => (
          <text
            key={day}
            x={layout.x(day)}
            y={plotBottom + 17}
            textAnchor={i === 0 ? "start" : i === layout.xTicks.length - 1 ? "end" : "middle"}
          >
            {dayOf(day)}
          </text>
        ))}
      </g>
      {target !== null ? (
        <g>
          <path d={across(layout.y(target))} stroke="#059669" strokeWidth={1.5} strokeDasharray="6 3" />
          <text x={box.left + 6} y={layout.y(target) + 15} fontSize={12} fill="#047857">
            {`${labels.target} ${count.format(target)}`}
          </text>
        </g>
      ) : null}
      {forecast.length ? (
        <path
          d={linePath(forecast, layout)}
          fill="none"
          stroke="#b91c1c"
          strokeWidth={1.5}
          strokeDasharray="4 4"
          data-series="forecast"
        />
      ) : null}
      <path d={linePath(points, layout)} fill="none" stroke="#b91c1c" strokeWidth={2} data-series="value" />
      {last ? (
        <g fill="#b91c1c">
          <circle cx={layout.x(last.asOf)} cy={layout.y(last.value)} r={3.5} />
          <text
            x={layout.x(last.asOf) - 6}
            y={layout.y(last.value) - 8}
            textAnchor="end"
            fontSize={12}
            fontWeight={600}
            // A white edge keeps the figure readable where it crosses the target's line.
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
            data-series="latest"
          >
            {count.format(last.value)}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
