import { expect, type Page, test } from "@playwright/test";
import { signedInPage } from "./staff";

// A commune's typo (one extra zero) reaches the province as a flag with its reason, in the
// approval grid and its confirmation, and on the quality page. canbo.xa works for Phường Ba
// Đình (00004), canbo.hanoi for Hà Nội above it. The week before the latest is used (the
// other specs work on the latest), and the figure is put back at the end.

const INTAKE = "Hồ sơ cấp CCCD gắn chip đã thu nhận";

/** The Sunday a week before the latest one, in Vietnam's time. */
function lastButOneWeek(): string {
  const today = new Date(Date.now() + 7 * 3_600_000);
  const sunday = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - today.getUTCDay()),
  );
  return new Date(sunday.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
}

const count = (text: string) => Number(text.replace(/\D/g, ""));

async function saveIntake(page: Page, value: string) {
  await page.getByLabel(INTAKE).fill(value);
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  const dialog = page.getByRole("alertdialog");
  const saved = page.getByRole("status").filter({ hasText: "Đã lưu 1 số liệu" });
  await expect(dialog.or(saved)).toBeVisible();
  if (await dialog.isVisible()) await dialog.getByRole("button", { name: "Vẫn lưu" }).click();
  await expect(saved).toBeVisible();
}

test("a commune saves a figure ten times too large; the province sees the flag with its reason while approving", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const week = lastButOneWeek();
  const commune = await signedInPage(browser, "canbo.xa");
  await commune.goto(`/nhap-lieu?week=${week}`);
  const original = await commune.getByLabel(INTAKE).inputValue();
  expect(count(original)).toBeGreaterThan(0);
  const tenfold = (count(original) * 10).toLocaleString("vi-VN");
  try {
    await saveIntake(commune, tenfold);
    const submit = commune.getByRole("button", { name: "Gửi báo cáo" });
    if (await submit.isVisible()) await submit.click();
    await expect(commune.getByText("Đã gửi, chờ duyệt")).toBeVisible();

    const province = await signedInPage(browser, "canbo.hanoi");
    await province.setViewportSize({ width: 1366, height: 900 });
    await province.goto(`/nhap-lieu?week=${week}`);
    const row = province.locator('tr[data-unit="00004"]');
    const note = row.locator("[data-flag-notes]").first();
    await expect(note).toContainText(`${INTAKE}: tăng`);
    await expect(note).toContainText(`lên ${tenfold}`);
    await expect(note).toContainText("điểm z hiệu chỉnh");
    await row.getByRole("button", { name: "Phê duyệt" }).click();
    const dialog = province.getByRole("alertdialog");
    await expect(dialog).toContainText("Phường Ba Đình – Hồ sơ cấp CCCD gắn chip đã thu nhận");
    await expect(dialog).toContainText(`⚑ ${INTAKE}: tăng`);
    await dialog.getByRole("button", { name: "Quay lại" }).click();
    await expect(row).toContainText("Đã gửi, chờ duyệt");

    // The same flag on the quality page, with the numbers behind it, highest severity first.
    await province.goto(`/chat-luong?week=${week}&kind=outlier`);
    const flag = province.locator('li[data-flag="outlier:00004:CCCD_INTAKE"]');
    await expect(flag).toContainText("Cao · Tăng bất thường");
    await expect(flag).toContainText(`lên ${tenfold}`);
    await province.context().close();
  } finally {
    await commune.goto(`/nhap-lieu?week=${week}`);
    await saveIntake(commune, original);
    await expect(commune.getByLabel(INTAKE)).toHaveValue(original);
    await commune.context().close();
  }
});
