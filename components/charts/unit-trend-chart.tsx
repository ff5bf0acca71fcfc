"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { type TrendChartProps, VIETNAMESE } from "./trend-chart-svg";

const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10).split("-").reverse().join("/");

/**
 * The same chart as TrendChartSvg, drawn in the browser with a tooltip that follows the cursor:
 * for staff screens, where the dashboard is read on a desktop and explored point by point.
 */
export function UnitTrendChart({ points, target, label, forecast = [], labels = VIETNAMESE }: TrendChartProps) {
  const count = new Intl.NumberFormat(labels.numberLocale);
  // A time axis (not one slot per point), so the forecast's weeks to the deadline are to scale.
  const rows = new Map<string, { t: number; value?: number; forecast?: number }>();
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  for (const p of points) rows.set(p.asOf, { t: t(p.asOf), value: p.value });
  for (const p of forecast) rows.set(p.asOf, { ...rows.get(p.asOf), t: t(p.asOf), forecast: p.value });
  const data = [...rows.values()].sort((a, b) => a.t - b.t);
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={dayOf}
            tick={{ fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis tickFormatter={(v: number) => count.format(v)} tick={{ fontSize: 12 }} width={80} />
          <Tooltip
            labelFormatter={(v) => dayOf(Number(v))}
            formatter={(v, name) => [count.format(Number(v)), name === "forecast" ? labels.forecast : labels.value]}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke="#b91c1c"
            strokeWidth={2}
            dot={false}
            name="value"
            isAnimationActive={false}
          />
          {forecast.length > 0 && (
            <Line
              type="linear"
              dataKey="forecast"
              stroke="#b91c1c"
              strokeDasharray="4 4"
              strokeWidth={1.5}
              dot={false}
              connectNulls
              name="forecast"
              isAnimationActive={false}
            />
          )}
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke="#059669"
              strokeDasharray="6 3"
              label={{ value: `${labels.target} ${count.format(target)}`, position: "insideTopLeft", fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
