import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { httpClient, OLD_WEEK, signedInPage } from "./staff";

// The weekly cycle in the real browser, on the last week districts existed (demo accounts:
// canbo.xacu works for Phường Phúc Xá, canbo.huyen for Quận Ba Đình above it, canbo.tinhkhac
// for Thành phố Hồ Chí Minh).

test("a commune enters and submits a week; the district approves it and the commune can no longer edit it; another province is kept out", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const commune = await signedInPage(browser, "canbo.xacu");
  await expect(commune.getByRole("heading", { level: 1 })).toHaveText("Phường Phúc Xá");
  await expect(commune.getByRole("combobox", { name: "Tuần báo cáo" })).toHaveValue(OLD_WEEK);
  const intake = commune.getByLabel("Hồ sơ cấp CCCD gắn chip đã thu nhận");
  await intake.fill("12x");
  await expect(commune.getByText("Chỉ nhập số nguyên ≥ 0.")).toBeVisible();
  await intake.fill("1.234");
  await commune.getByLabel("Công dân đủ điều kiện cấp CCCD").fill("1000");
  // Intake above the eligible population: a warning to confirm, not a refusal.
  await commune.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(commune.getByRole("alertdialog")).toContainText("Vượt số công dân đủ điều kiện (1.000)");
  await commune.getByRole("button", { name: "Xem lại" }).click();
  await commune.getByLabel("Công dân đủ điều kiện cấp CCCD").fill("5000");
  await commune.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(commune.getByRole("status")).toContainText("Đã lưu 2 số liệu");
  await commune.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(commune.getByText("Đã gửi, chờ duyệt")).toBeVisible();

  const district = await signedInPage(browser, "canbo.huyen");
  await expect(district.getByRole("heading", { level: 1 })).toHaveText("Quận Ba Đình");
  const row = district.locator('tr[data-unit="00001"]');
  await expect(row).toContainText("Đã gửi, chờ duyệt");
  await expect(row.getByLabel("Phường Phúc Xá – Hồ sơ cấp CCCD gắn chip đã thu nhận")).toHaveValue("1.234");
  // Communes that have not reported are highlighted.
  await expect(district.locator("tbody tr", { hasText: "(chưa báo cáo)" }).first()).toBeVisible();
  await row.getByRole("button", { name: "Phê duyệt" }).click();
  await expect(district.locator('tr[data-unit="00001"]')).toContainText("Đã duyệt, đã khoá");

  await commune.reload();
  await expect(commune.getByText("Đã duyệt, đã khoá")).toBeVisible();
  await expect(commune.getByLabel("Hồ sơ cấp CCCD gắn chip đã thu nhận")).toBeDisabled();
  const refused = await saveOne(commune, { indicator: "CCCD_INTAKE", value: 9999, version: 1 });
  expect(refused.status()).toBe(423);
  expect((await refused.json()).error.message).toMatch(/đã được phê duyệt và khoá/);

  const outsider = await signedInPage(browser, "canbo.tinhkhac");
  const page = await outsider.goto(`/nhap-lieu?unit=00001&week=${OLD_WEEK}`);
  expect(page?.status()).toBe(403);
  await expect(outsider.getByRole("heading", { name: "Không có quyền truy cập" })).toBeVisible();
  await expect(outsider.getByText("1.234")).toHaveCount(0);
  const posted = await saveOne(outsider, { indicator: "CCCD_ISSUED", value: 1, version: 0 });
  expect(posted.status()).toBe(403);
  const approval = await outsider.request.post("/api/v1/entry/reports", {
    data: { requestId: randomUUID(), week: OLD_WEEK, unit: "00001", action: "unlock" },
  });
  expect(approval.status()).toBe(403);

  // The trail shows every step, for the district.
  await district.goto("/nhat-ky?unit=00001");
  const trail = district.locator("tbody tr", { hasText: "29/06/2025" });
  await expect(trail.filter({ hasText: "Phê duyệt" })).toHaveCount(1);
  await expect(trail.filter({ hasText: "Gửi báo cáo" })).toHaveCount(1);
  await expect(trail.filter({ hasText: "1.234" })).toHaveCount(1);
});

test("the grid moves with the keyboard and takes a block pasted from a spreadsheet", async ({ browser }) => {
  const district = await signedInPage(browser, "canbo.huyen");
  const first = district.locator('[data-cell="1:0"]');
  await first.click();
  await district.keyboard.press("ArrowDown");
  await expect(district.locator('[data-cell="2:0"]')).toBeFocused();
  await district.keyboard.press("Enter");
  await expect(district.locator('[data-cell="3:0"]')).toBeFocused();
  const total = async () =>
    Number(((await district.locator("tfoot td").first().textContent()) ?? "0").replace(/\D/g, "") || 0);
  const before = await total();
  // Paste 2 rows × 3 columns, as Excel puts them on the clipboard.
  await first.focus();
  await first.evaluate((input) => {
    const data = new DataTransfer();
    data.setData("text/plain", "8.000\t700\t650\r\n9.000\t800\t750\r\n");
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(district.locator('[data-cell="1:0"]')).toHaveValue("8.000");
  await expect(district.locator('[data-cell="1:2"]')).toHaveValue("650");
  await expect(district.locator('[data-cell="2:1"]')).toHaveValue("800");
  await expect(district.getByText(/6 ô đã sửa, chưa lưu/)).toBeVisible();
  expect(await total()).toBe(before + 17_000);
});

test("a wrong password five times is limited, with a message saying so", async ({ page, baseURL }) => {
  // An account of its own: the limit lasts 15 minutes and must not lock out another test's user.
  const admin = await httpClient(baseURL as string, "quantri.hanoi");
  const username = `thu.khoa.${Date.now()}`;
  const created = await admin.post("/api/v1/users", {
    data: { action: "create", username, displayName: "Thử khoá", role: "PROVINCE_OFFICER", unit: "01" },
  });
  expect(created.status()).toBe(200);
  const { password } = (await created.json()) as { password: string };
  await page.goto("/dang-nhap");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText(
      i < 5 ? "Sai tên đăng nhập hoặc mật khẩu." : "tạm khoá",
    );
    // The form clears the password after each answer; wait for that before typing again.
    await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
  }
  // Even the right password is refused while the limit lasts.
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Tài khoản tạm khoá do nhập sai mật khẩu 5 lần");
  await expect(page).toHaveURL(/\/dang-nhap/);
});

/** Saves one figure of commune 00001 for OLD_WEEK through the JSON API, as the page's user. */
function saveOne(page: Page, entry: { indicator: string; value: number; version: number }) {
  return page.request.post("/api/v1/entry/figures", {
    data: { requestId: randomUUID(), week: OLD_WEEK, entries: [{ unit: "00001", ...entry }] },
  });
}
