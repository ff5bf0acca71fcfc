import { test } from "@playwright/test";

// Screenshots for people to look at (test-reports/screenshots), at desktop width and on a
// 360 px phone. They assert nothing beyond the pages rendering without error.
const pages = [
  ["leaderboard", "/"],
  ["leaderboard-63", "/?structure=63"],
  ["unit-province", "/units/40"],
] as const;

for (const [name, path] of pages) {
  for (const [device, width] of [
    ["desktop", 1280],
    ["phone", 360],
  ] as const) {
    test(`screenshot ${name} on ${device}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(path);
      test.expect(response?.status()).toBe(200);
      await page.locator("main").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      test.expect(overflow, "the page must not scroll sideways").toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-reports/screenshots/${name}-${device}.png`, fullPage: true });
    });
  }
}
