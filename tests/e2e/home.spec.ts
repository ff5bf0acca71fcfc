import { expect, test } from "@playwright/test";

test("home page lists today's 34 provinces in Vietnamese with a chart", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("căn cước công dân gắn chip");
  await expect(page.getByRole("heading", { name: /34 tỉnh, thành phố/ })).toBeVisible();
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(34);
  await expect(page.getByRole("cell", { name: "Thừa Thiên Huế" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "Nghệ An" })).toBeVisible();
  // The recharts chart renders on the client, one bar group per structure.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle")).toHaveCount(4);

  // The Vietnamese subset of the bundled font really loaded (not a silent system-font fallback).
  const loadedRanges = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replaceAll('"', "") === "Be Vietnam Pro" && f.status === "loaded")
      .map((f) => f.unicodeRange);
  });
  expect(loadedRanges.some((range) => range.includes("1EA0"))).toBe(true);
});

test("switching to the 63 provinces before 1 July 2025 is kept in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "63 tỉnh (trước 1/7/2025)" }).click();
  await expect(page).toHaveURL(/\?structure=63$/);
  await expect(page.locator("table tbody tr")).toHaveCount(63);
  await expect(page.getByRole("cell", { name: "Hà Nam" })).toBeVisible();
  await expect(page.getByText("tính đến 30/06/2025")).toBeVisible();

  await page.reload();
  await expect(page.locator("table tbody tr")).toHaveCount(63);
  await expect(page.getByRole("link", { name: "63 tỉnh (trước 1/7/2025)" })).toHaveAttribute("aria-current", "page");
});
