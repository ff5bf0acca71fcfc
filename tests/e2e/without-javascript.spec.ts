import { expect, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { signedInPage } from "./staff";

// Report buttons are plain forms under the JavaScript the page adds: with JavaScript off
// they still submit, through the same service, and the page says what happened.
test("without JavaScript a commune still submits its week, written once with its audit entry", async ({ browser }) => {
  const signedIn = await signedInPage(browser, "canbo.xa");
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await signedIn.context().storageState(),
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/nhap-lieu");
  const db = await e2eDatabase();
  const submissions = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM audit_entry a JOIN unit u ON u.id = a.unit_id
           WHERE u.code = '00004' AND a.action = 'submit' AND a.actor = 'canbo.xa'`,
        )
      ).rows[0].n,
    );
  const before = await submissions();
  // An earlier spec may have submitted this week already: the button then sends it again.
  await page.getByRole("button", { name: /^(Gửi báo cáo|Gửi lại báo cáo)$/ }).click();
  await expect(page.getByRole("status")).toContainText("Đã gửi báo cáo tuần");
  await expect(page.getByText("Đã gửi, chờ duyệt")).toBeVisible();
  expect(await submissions()).toBe(before + 1);
  // Reloading the page that answered does not send the form again.
  await page.reload();
  expect(await submissions()).toBe(before + 1);
  await db.end();
  await context.close();
});

// What a visitor on a weak phone reads first is drawn on the server: headline, table, map and
// chart are all in the page before (or without) any script.
test("without JavaScript the public leaderboard and a unit page show their table, map and chart", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/?indicator=CCCD_INTAKE");
  await expect(page.getByRole("region", { name: "Cả nước", exact: true })).toContainText(/\d+\/34/);
  await expect(page.locator("section[aria-labelledby=ranking-heading] tbody tr")).toHaveCount(34);
  await expect(page.locator("#map-figure svg").filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator("#national-trend svg [data-series=value]").filter({ visible: true })).toHaveCount(1);
  await page.goto("/units/40?indicator=CCCD_INTAKE");
  await expect(page.locator("#trend-chart svg [data-series=value]").filter({ visible: true })).toHaveCount(1);
  expect(await page.locator("table tbody tr").count()).toBeGreaterThan(100);
  await context.close();
});
