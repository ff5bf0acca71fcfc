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
  await expect(page.getByRole("heading", { name: /^Báo cáo tuần kết thúc \d{2}\/\d{2}\/\d{4}$/ })).toBeVisible();
  // Entry pages are not offered to a viewer.
  await expect(page.getByRole("link", { name: "Số liệu tuần" })).toHaveCount(0);
});

test("a province's leadership sees its communes and cannot open another province", async ({ browser }) => {
  const page = await signedInPage(browser, "lanhdao.hanoi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Thành phố Hà Nội");
  await expect(page.getByRole("heading", { name: "Xếp hạng xã, phường" })).toBeVisible();
  const other = await page.goto("/dieu-hanh?unit=79");
  expect(other?.status()).toBe(403);
});
