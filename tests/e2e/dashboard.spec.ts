import { expect, test } from "@playwright/test";
import { signedInPage } from "./staff";

test("national leadership lands on the dashboard: headline, trend with forecast, 34 provinces ranked, completeness", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "lanhdao.bo");
  await expect(page).toHaveURL(/\/dieu-hanh$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Toàn quốc");
  const headline = page.getByRole("region", { name: "Số liệu chính" });
  await expect(headline).toContainText(/Tỷ lệ hoàn thành\s*\d{1,3},\d{2} %/);
  await expect(headline).toContainText(/Đơn vị đã đạt\s*\d+\/34/);
  await expect(page.getByRole("img", { name: /Biểu đồ .* của Toàn quốc/ })).toBeVisible();
  await expect(page.locator("#children-heading + div tbody tr")).toHaveCount(34);
  // Today's week is rarely due yet: the reports shown are the last week that fell due, and
  // the demo's provinces submitted none, so every one of them is named late.
  const due = page.getByRole("region", {
    name: /^Báo cáo tuần kết thúc \d{2}\/\d{2}\/\d{4} – hạn gửi \d{2}:\d{2} .+ \d{2}\/\d{2}\/\d{4} đã qua$/,
  });
  await expect(due).toContainText("Quá hạn (34):");
  await expect(due).not.toContainText("Chưa đơn vị nào quá hạn");
  await expect(due.getByRole("list", { name: "Đơn vị quá hạn báo cáo" }).getByRole("listitem")).toHaveCount(10);
  await due.getByText("Xem tất cả 34 đơn vị quá hạn").click();
  await expect(due.getByRole("listitem")).toHaveCount(34);
  await expect(due.getByRole("link", { name: "Thành phố Hà Nội" })).toBeVisible();
  await due.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await due.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  // Entry pages are not offered to a viewer.
  await expect(page.getByRole("link", { name: "Số liệu tuần" })).toHaveCount(0);

  // The same section in English.
  await page.context().addCookies([{ name: "de-an-06-ngon-ngu", value: "en", url: page.url() }]);
  await page.reload();
  const dueEn = page.getByRole("region", { name: /^Reports for the week ending .+ – submission was due / });
  await expect(dueEn).toContainText("Late (34):");
  await dueEn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-en.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await dueEn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-en-phone.png" });
});

test("a province's leadership sees its communes and cannot open another province", async ({ browser }) => {
  const page = await signedInPage(browser, "lanhdao.hanoi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Thành phố Hà Nội");
  await expect(page.getByRole("heading", { name: "Xếp hạng xã, phường" })).toBeVisible();
  const other = await page.goto("/dieu-hanh?unit=79");
  expect(other?.status()).toBe(403);
});
