import type { ReactNode } from "react";
import { PngDownloadButton, type PngFrame } from "@/components/download/png-download-button";
import type { Locale } from "@/lib/i18n/locale";
import { LazyUnitTrendChart } from "./lazy-unit-trend-chart";
import { type TrendChartProps, TrendChartSvg } from "./trend-chart-svg";

/**
 * A unit's figures over time against its target, with a link to save the chart as an image,
 * or a line saying there are no figures yet. `children` follow the download link (notes).
 * Drawn on the server; `interactive` swaps in the browser-drawn chart (recharts, loaded after the
 * page), whose tooltip follows the cursor, for staff screens read on a desktop.
 */
export function TrendSection(props: {
  heading: string;
  chart: TrendChartProps;
  interactive?: boolean;
  /** The name of the saved image, and what it says around the chart. */
  fileName: string;
  frame?: PngFrame;
  downloadLabel: string;
  locale: Locale;
  /** Shown instead of the chart when there are no figures. */
  empty: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="trend-heading" className={`rounded-lg bg-white p-4 shadow-sm ${props.className ?? ""}`}>
      <h2 id="trend-heading" className="mb-2 text-lg font-semibold">
        {props.heading}
      </h2>
      {props.chart.points.length ? (
        <>
          <div id="trend-chart">
            {props.interactive ? <LazyUnitTrendChart {...props.chart} /> : <TrendChartSvg {...props.chart} />}
          </div>
          <p className="mt-1 text-sm">
            <PngDownloadButton
              target="trend-chart"
              fileName={props.fileName}
              label={props.downloadLabel}
              locale={props.locale}
              frame={props.frame}
            />
          </p>
          {props.children}
        </>
      ) : (
        <p className="text-slate-600">{props.empty}</p>
      )}
    </section>
  );
}
