import { test } from "@playwright/test";
import { signedInPage } from "./staff";

// Screenshots for people to look at (test-reports/screenshots), at desktop width and on a
// 360 px phone. They assert nothing beyond the pages rendering without error.
const pages = [
  ["leaderboard", "/"],
  ["leaderboard-63", "/?structure=63"],
  ["unit-province", "/units/40"],
  ["leaderboard-english", "/?lang=en"],
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

// Staff pages, signed in: a commune's form, a district's grid, the sign-in page.
const staffPages = [
  ["entry-commune", "canbo.xa", "/nhap-lieu"],
  ["entry-province-grid", "canbo.hanoi", "/nhap-lieu"],
  ["audit", "canbo.hanoi", "/nhat-ky"],
  ["targets", "canbo.hanoi", "/chi-tieu"],
  ["upload", "canbo.xa", "/nhap-tep"],
  ["dashboard-national", "lanhdao.bo", "/dieu-hanh"],
  ["dashboard-province", "lanhdao.hanoi", "/dieu-hanh"],
  ["accounts", "quantri.hanoi", "/tai-khoan"],
] as const;

for (const [name, username, path] of staffPages) {
  for (const [device, width] of [
    ["desktop", 1280],
    ["phone", 360],
  ] as const) {
    test(`screenshot ${name} on ${device}`, async ({ browser }) => {
      const page = await signedInPage(browser, username);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.locator("main").waitFor();
      // Wide grids scroll inside their own box, never the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      test.expect(overflow, "the page must not scroll sideways").toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-reports/screenshots/${name}-${device}.png`, fullPage: true });
    });
  }
}

test("screenshot sign-in on phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/dang-nhap");
  await page.screenshot({ path: "test-reports/screenshots/sign-in-phone.png", fullPage: true });
});
