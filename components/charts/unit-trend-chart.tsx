"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const count = new Intl.NumberFormat("vi-VN");
const viDate = (iso: string) => iso.split("-").reverse().join("/");

/** A unit's value over time against its target in force. */
export function UnitTrendChart({
  points,
  target,
  label,
}: {
  points: { asOf: string; value: number }[];
  target: number | null;
  label: string;
}) {
  return (
    <div className="h-72 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="asOf" tickFormatter={viDate} tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => count.format(v)} tick={{ fontSize: 12 }} width={80} />
          <Tooltip labelFormatter={(v) => viDate(String(v))} formatter={(v) => [count.format(Number(v)), "Số liệu"]} />
          <Line
            type="monotone"
            dataKey="value"
            stroke="#b91c1c"
            strokeWidth={2}
            dot={false}
            name="Số liệu"
            isAnimationActive={false}
          />
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke="#059669"
              strokeDasharray="6 3"
              label={{ value: `Chỉ tiêu ${count.format(target)}`, position: "insideTopLeft", fontSize: 12 }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
