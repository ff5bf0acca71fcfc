import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

test("the English switch translates the leaderboard and the unit page, and the URL keeps it", async ({ page }) => {
  await page.goto("/?structure=34");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page).toHaveURL(/structure=34/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Chip-based citizen ID cards and electronic identification: progress",
  );
  await expect(page.locator("#ranking-heading")).toContainText(/34 provinces, as of \d{1,2} [A-Z][a-z]{2} \d{4}/);
  const first = page.locator("section[aria-labelledby=ranking-heading] tbody tr").first();
  // English numbers: 1,234,567 and 98.60%.
  await expect(first).toContainText(/\d{1,3}(,\d{3})+/);
  await expect(first).toContainText(/\d{1,3}\.\d{2}%/);
  await expect(page.getByRole("columnheader", { name: "Communes done" })).toBeVisible();

  // Choosing another indicator keeps the language; reloading restores it.
  await page.getByRole("combobox", { name: "Indicator" }).selectOption({ index: 2 });
  await expect(page).toHaveURL(/indicator=.*lang=en|lang=en.*indicator=/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Map of percent of target" })).toBeVisible();

  await page.goto("/?lang=en");
  await page.locator("section[aria-labelledby=ranking-heading] tbody tr a").first().click();
  await expect(page).toHaveURL(/\/units\/\d{2}\?.*lang=en/);
  await expect(page.getByRole("heading", { name: "Progress against target" })).toBeVisible();
  await expect(page.getByText("National rank")).toBeVisible();
  await page.getByRole("link", { name: "Chuyển sang tiếng Việt" }).click();
  await expect(page.getByRole("heading", { name: "Diễn biến so với chỉ tiêu" })).toBeVisible();
  await expect(page).not.toHaveURL(/lang=en/);
});

test("the public pages lead staff to a working sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.getByLabel("Tên đăng nhập").fill("canbo.xacu");
  await page.getByLabel("Mật khẩu").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu/);
  await page.goto("/units/01?lang=en");
  await expect(page.getByRole("link", { name: "Staff sign-in" })).toHaveAttribute("href", "/dang-nhap");
});
