import { expect, test } from "@playwright/test";

// A4 is 210 mm wide; with the stylesheet's 10 mm margins that leaves 190 mm ≈ 718 CSS px.
const A4_CONTENT_WIDTH = 718;

test("the leaderboard prints on A4: no controls, the table within the page width, every province", async ({ page }) => {
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

  const pdf = await page.pdf({ format: "A4", path: "test-reports/leaderboard-a4.pdf" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(5);
});
