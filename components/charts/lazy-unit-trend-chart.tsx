"use client";

import dynamic from "next/dynamic";

// recharts is loaded after the page, so it stays out of the first-load JavaScript.
export const LazyUnitTrendChart = dynamic(() => import("./unit-trend-chart").then((m) => m.UnitTrendChart), {
  ssr: false,
  loading: () => <div className="h-72 w-full animate-pulse rounded bg-slate-100" />,
});
