import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrendChartSvg } from "@/components/charts/trend-chart-svg";
import { linePath, niceStep, trendLayout } from "@/components/charts/trend-geometry";

const box = { width: 400, height: 200, left: 40, right: 10, top: 10, bottom: 20 };
const weeks = ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"].map((asOf, i) => ({
  asOf,
  value: 1_000_000 * (i + 1),
}));

describe("the server-drawn trend chart", () => {
  it("steps its value axis by 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(7_095_670, 5)).toBe(2_000_000);
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(0, 4)).toBe(1);
  });

  it("puts the first and last week at the plot's edges and the largest of values and target under its top", () => {
    const layout = trendLayout(weeks, [], 7_095_670, box, { x: 3, y: 5 });
    expect(layout.x("2026-11-01")).toBe(40);
    expect(layout.x("2026-11-29")).toBe(390);
    // Time is to scale: the middle week sits in the middle.
    expect(layout.x("2026-11-15")).toBe(215);
    expect(layout.y(0)).toBe(180);
    expect(layout.yTicks.at(-1)).toBe(8_000_000);
    expect(layout.y(8_000_000)).toBe(10);
    expect(layout.xTicks).toEqual(["2026-11-01", "2026-11-15", "2026-11-29"]);
    expect(linePath(weeks.toReversed(), layout).split("L")).toHaveLength(5);
    expect(linePath(weeks, layout).startsWith("M40.0 ")).toBe(true);
  });

  it("is in the HTML: the line through every week, the target and the latest figure written on it", () => {
    const html = renderToStaticMarkup(
      createElement(TrendChartSvg, { points: weeks, target: 7_095_670, label: "Hà Nội theo thời gian" }),
    );
    // One drawing per screen width, each with the line and the target.
    expect(html.match(/data-series="value"/g)).toHaveLength(3);
    expect(html).toContain("Chỉ tiêu 7.095.670");
    expect(html).toContain('aria-label="Hà Nội theo thời gian"');
    expect(html).toMatch(/data-series="latest"[^>]*>5\.000\.000</);
    // The phone's axis writes millions short.
    expect(html).toMatch(/>8\sTr</);
  });
});
