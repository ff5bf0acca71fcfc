import { expect, test } from "@playwright/test";
import { signedInPage } from "./staff";

test("a province admin creates an officer, who signs in with the one-time password and must replace it; locking ends that session", async ({
  browser,
}) => {
  const admin = await signedInPage(browser, "quantri.hanoi");
  await admin.getByRole("link", { name: "Tài khoản" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Tài khoản trong phạm vi quản lý");
  // Only accounts of Hà Nội: not the other province's officer.
  await expect(admin.locator('tr[data-user="canbo.xa"]')).toBeVisible();
  await expect(admin.locator('tr[data-user="canbo.tinhkhac"]')).toHaveCount(0);

  const username = `canbo.moi${Date.now() % 100000}`;
  await admin.getByLabel("Tên đăng nhập").fill(username);
  await admin.getByLabel("Họ tên").fill("Trần Thị Mới");
  await admin.getByLabel("Vai trò").selectOption("COMMUNE_OFFICER");
  await admin.getByLabel("Mã đơn vị").fill("00004");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  const status = admin.getByRole("status");
  await expect(status).toContainText(`Đã tạo tài khoản ${username}.`);
  const password = (await status.locator("code").textContent()) as string;
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(admin.locator(`tr[data-user="${username}"]`)).toContainText("Đang dùng");

  const officer = await (await browser.newContext()).newPage();
  await officer.goto("/dang-nhap");
  await officer.getByLabel("Tên đăng nhập").fill(username);
  await officer.getByLabel("Mật khẩu").fill(password);
  await officer.getByRole("button", { name: "Đăng nhập" }).click();
  // A password someone else knows: nothing else opens until the officer picks their own.
  await expect(officer).toHaveURL(/\/doi-mat-khau/);
  await expect(officer.getByRole("status")).toContainText("Mật khẩu này do quản trị cấp cho bạn");
  const refused = await officer.request.get("/api/v1/entry/sheet?unit=00004");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/đổi mật khẩu tại \/doi-mat-khau/);
  await officer.getByLabel("Mật khẩu đang dùng").fill(password);
  await officer.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill("mat-khau-rieng-cua-toi");
  await officer.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-rieng-cua-toi");
  await officer.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Phường Ba Đình");

  // The admin cannot touch another province admin, nor reset its own password here.
  await expect(admin.locator('tr[data-user="quantri.hanoi"]')).toContainText("Tài khoản của bạn");
  await expect(admin.locator('tr[data-user="quantri.hanoi"]').getByRole("button")).toHaveCount(0);
  await expect(admin.getByLabel("Vai trò").locator("option[value=PROVINCE_ADMIN]")).toHaveCount(0);

  // Another province's unit is refused with a message saying what to fix.
  await admin.getByLabel("Tên đăng nhập").fill(`${username}x`);
  await admin.getByLabel("Họ tên").fill("Ngoài phạm vi");
  await admin.getByLabel("Mã đơn vị").fill("79");
  await admin.getByLabel("Vai trò").selectOption("PROVINCE_OFFICER");
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(admin.locator("main").getByRole("alert")).toContainText("không có quyền quản lý tài khoản của");

  await admin.locator(`tr[data-user="${username}"]`).getByRole("button", { name: "Khoá" }).click();
  await expect(admin.locator(`tr[data-user="${username}"]`)).toContainText("Đã khoá");
  await officer.reload();
  await expect(officer).toHaveURL(/\/dang-nhap/);
});
