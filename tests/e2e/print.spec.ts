import { expect, test } from "@playwright/test";

// A4 landscape is 297 mm wide; with the stylesheet's 10 mm margins that leaves 277 mm ≈ 1047 CSS px.
const A4_CONTENT_WIDTH = 1047;

test("the leaderboard prints on A4 landscape: no controls, the table within the page width, every province", async ({
  page,
}) => {
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
  await page.goto("/");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("combobox", { name: "Chỉ tiêu" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Tải bảng xếp hạng (CSV)" })).toBeHidden();
  await expect(page.locator("#ranking-heading")).toContainText("tính đến");
  const rows = page.locator("section[aria-labelledby=ranking-heading] tbody tr");
  await expect(rows).toHaveCount(34);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the printed page must not be cut on the right").toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-reports/screenshots/leaderboard-print.png", fullPage: true });

  // The column headers repeat on each page (a header row, not stuck to the window); the
  // chart is scaled to the page, not cut; the legend's colours are printed.
  const printed = await page.evaluate(() => {
    const thead = document.querySelector("section[aria-labelledby=ranking-heading] thead") as HTMLElement;
    const chart =
      [...document.querySelectorAll("#national-trend svg")].find((d) => d.getBoundingClientRect().width > 0) ?? null;
    const swatch = document.querySelector("#map-figure figcaption span span") as HTMLElement | null;
    return {
      header: getComputedStyle(thead).display,
      headerCell: getComputedStyle(thead.querySelector("th") as HTMLElement).position,
      // biome-ignore lint/performance/useDomNodeTextContent: the words as printed: hidden elements must not count
      headerText: thead.innerText,
      chartRight: chart ? chart.getBoundingClientRect().right : 0,
      chartHeight: chart ? chart.getBoundingClientRect().height : 0,
      swatch: swatch ? getComputedStyle(swatch).printColorAdjust : "",
    };
  });
  expect(printed.header).toBe("table-header-group");
  // The headers are sort buttons on screen: printed, their words stay.
  expect(printed.headerText).toContain("Tỉnh, thành phố");
  expect(printed.headerText).toContain("Tỷ lệ");
  expect(printed.chartHeight).toBeGreaterThan(150);
  expect(printed.headerCell).toBe("static");
  expect(printed.chartRight).toBeGreaterThan(0);
  expect(printed.chartRight).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  expect(printed.swatch).toBe("exact");

  const pdf = await page.pdf({ preferCSSPageSize: true, path: "test-reports/leaderboard-a4.pdf" });
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(5);
  // Landscape: every page is about 842 × 595 points (Chrome writes 841.92 × 594.96).
  expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+84[12](\.\d+)?\s+59[45](\.\d+)?\s*\]/);
});
