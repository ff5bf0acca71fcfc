import { expect, test } from "@playwright/test";
import { signedInPage } from "./staff";

// <html lang> follows the page's language everywhere, so screen readers read English with
// English rules; error pages speak the language of the link that led there.

test("public pages, their 404 and the favicon speak the page's language", async ({ page, request }) => {
  await page.goto("/?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");

  const missing = await page.goto("/units/99999?lang=en");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/units/99999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
});

test("a staff page in English says so on <html>", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.goto("/ngon-ngu?lang=en&next=/nhap-lieu");
  await expect(page).toHaveURL(/\/nhap-lieu/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/ngon-ngu?lang=vi&next=/nhap-lieu");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.context().close();
});
