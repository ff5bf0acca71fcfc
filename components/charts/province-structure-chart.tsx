"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type StructureCount = { label: string; provinces: number; cities: number };

/** Stacked bars: how many tỉnh and thành phố each structure has. */
export function ProvinceStructureChart({ data }: { data: StructureCount[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label="Biểu đồ số đơn vị hành chính cấp tỉnh trước và sau 1/7/2025">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip />
          <Legend />
          <Bar dataKey="provinces" name="Tỉnh" stackId="units" fill="#b91c1c" isAnimationActive={false} />
          <Bar
            dataKey="cities"
            name="Thành phố trực thuộc TW"
            stackId="units"
            fill="#f59e0b"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
