import { expect, test } from "@playwright/test";

test("a click on a province opens its unit page with its trend and its communes ranked", async ({ page }) => {
  await page.goto("/?indicator=CCCD_INTAKE");
  await page.getByRole("link", { name: "Nghệ An", exact: true }).click();
  await expect(page).toHaveURL(/\/units\/40\?indicator=CCCD_INTAKE&date=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Nghệ An");
  await expect(page.getByRole("navigation", { name: "Đường dẫn" })).toContainText("Toàn quốc");
  await expect(page.getByText(/Xếp hạng toàn quốc/)).toBeVisible();
  await expect(page.locator("#trend-chart svg [data-series=value]").filter({ visible: true })).toHaveCount(1);
  const communes = page.getByRole("heading", { name: "Xếp hạng xã, phường trực thuộc" });
  await expect(communes).toBeVisible();
  expect(await page.locator("table tbody tr").count()).toBeGreaterThan(100);
  await expect(page.getByText("Đơn vị được hình thành từ:")).toBeVisible();
});

test("a unit page reads the same date whether opened from the leaderboard or directly", async ({ page }) => {
  const shownDate = async () =>
    /tính đến (\d{2}\/\d{2}\/\d{4})/.exec((await page.locator("header p").first().textContent()) ?? "")?.[1];
  await page.goto("/units/40?indicator=CCCD_INTAKE");
  const direct = await shownDate();
  expect(direct).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  await page.goto("/?indicator=CCCD_INTAKE");
  await page.getByRole("link", { name: "Nghệ An", exact: true }).click();
  await expect(page).toHaveURL(/\/units\/40\?/);
  expect(await shownDate()).toBe(direct);
});

test("a province that no longer exists shows what it became", async ({ page }) => {
  await page.goto("/units/35?date=2025-06-15");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Hà Nam");
  await expect(page.getByText(/Sau ngày 30\/06\/2025, đơn vị này được sắp xếp vào/)).toBeVisible();
  await page.getByRole("link", { name: "Tỉnh Ninh Bình" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Ninh Bình");
  await expect(page.getByText("Đơn vị được hình thành từ:")).toContainText("Hà Nam");
});

test("an unknown unit answers 404", async ({ page }) => {
  const response = await page.goto("/units/99");
  expect(response?.status()).toBe(404);
});
