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
