"use client";

import dynamic from "next/dynamic";
import type { StructureChartLabels, StructureCount } from "./province-structure-chart";

// recharts is loaded after the page, so it stays out of the first-load JavaScript.
const Chart = dynamic(() => import("./province-structure-chart").then((m) => m.ProvinceStructureChart), {
  ssr: false,
  loading: () => <div className="h-64 w-full animate-pulse rounded bg-slate-100" />,
});

export function LazyProvinceStructureChart({ data, labels }: { data: StructureCount[]; labels: StructureChartLabels }) {
  return <Chart data={data} labels={labels} />;
}
