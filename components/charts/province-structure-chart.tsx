"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type StructureCount = { label: string; provinces: number; cities: number };
export type StructureChartLabels = { chart: string; provinces: string; cities: string };

/** Stacked bars: how many tỉnh and thành phố each structure has. */
export function ProvinceStructureChart({ data, labels }: { data: StructureCount[]; labels: StructureChartLabels }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={labels.chart}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip />
          <Legend />
          <Bar dataKey="provinces" name={labels.provinces} stackId="units" fill="#b91c1c" isAnimationActive={false} />
          <Bar dataKey="cities" name={labels.cities} stackId="units" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
