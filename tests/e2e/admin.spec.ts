import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { approveWeek, httpClient, signedInPage } from "./staff";

// The ministry admin's screens: an indicator's life (created from a week, edited, retired and
// still ranked as history), accounts made with the unit picker, and the change log that
// records each of these. Everything changed here is created here (demo account quantri.bo,
// commune canbo.xa of Phường Ba Đình).

const stamp = Date.now() % 1_000_000;

test("an indicator created for this week is entered, edited and retired: it leaves the entry form and the public menu, its old ranking still opens", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const code = `E2E_NGUNG_${stamp}`;
  const name = `Chỉ tiêu sẽ ngừng ${stamp}`;
  const admin = await signedInPage(browser, "quantri.bo");
  await admin.goto("/chi-so");
  await admin.getByLabel("Mã (chữ in hoa, số, _)").fill(code);
  await admin.getByLabel("Tên tiếng Việt").fill(name);
  await admin.getByLabel("Loại").selectOption("COUNT");
  // By default from the next reporting week; this test wants it on this week's forms.
  const week = admin.getByLabel("Áp dụng từ tuần");
  await expect(week).toHaveValue(/\d{4}-\d{2}-\d{2}/);
  await expect(week.locator("option:checked")).toContainText("(tuần kế tiếp)");
  await week.selectOption({ index: 0 });
  const thisWeek = await week.inputValue();
  await admin.getByRole("button", { name: "Tạo chỉ số" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Đã tạo chỉ số ${code}.`);

  // The commune sees it this week and a figure is saved for it.
  const commune = await signedInPage(browser, "canbo.xa");
  await expect(commune.getByLabel(name, { exact: true })).toBeVisible();
  const officer = await httpClient(baseURL as string, "canbo.xa");
  const saved = await officer.post("/api/v1/entry/figures", {
    data: {
      requestId: randomUUID(),
      week: thisWeek,
      entries: [{ unit: "00004", indicator: code, value: 321, version: 0 }],
    },
  });
  expect(saved.status()).toBe(200);
  // The public reads approved weeks: the province approves the commune's week (unlocked at the end).
  const approval = await approveWeek(
    baseURL as string,
    { code: "00004", officer: "canbo.xa", approver: "quantri.hanoi" },
    thisWeek,
  );

  // Edited: the name changes, the code and kind stay.
  await admin.getByRole("button", { name: `Sửa ${code}` }).click();
  const editor = admin.getByRole("region", { name: `Sửa chỉ số ${code}` });
  await editor.getByLabel("Tên tiếng Việt").fill(`${name} (sửa)`);
  await editor.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(editor.getByRole("status")).toContainText(`Đã lưu thay đổi của ${code}`);
  await expect(admin.getByRole("row", { name: new RegExp(code) })).toContainText(`${name} (sửa)`);

  // Retired with a reason (required).
  await editor.getByLabel("Lý do ngừng sử dụng").fill("Chỉ tiêu thử nghiệm, không dùng nữa");
  await editor.getByRole("button", { name: "Ngừng sử dụng" }).click();
  await expect(editor.getByRole("status")).toContainText(`Đã ngừng sử dụng ${code}.`);
  await expect(admin.getByRole("row", { name: new RegExp(code) })).toContainText("Ngừng sử dụng từ");

  // Gone from the entry form and from the public menu…
  await commune.reload();
  await expect(commune.getByRole("heading", { level: 1 })).toHaveText("Phường Ba Đình");
  await expect(commune.getByLabel(`${name} (sửa)`, { exact: true })).toHaveCount(0);
  const page = await browser.newPage();
  await page.goto("/");
  await expect(page.getByLabel("Chỉ tiêu").locator("option").first()).toBeAttached();
  await expect(page.locator(`option[value="${code}"]`)).toHaveCount(0);
  // …while its ranking as of a date before the retirement still opens, saying it was retired.
  await page.goto(`/?indicator=${code}&date=${thisWeek}`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`${name} \\(sửa\\)`) })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("đã ngừng sử dụng từ ngày");
  await expect(page.locator("section[aria-labelledby=ranking-heading] tbody tr").first()).toContainText("Hà Nội");
  const api = await page.request.get(`/api/v1/rankings?indicator=${code}&level=province&asOf=${thisWeek}`);
  expect(api.status()).toBe(200);
  const ranking = (await api.json()) as { indicatorRetiredOn?: string; items: { code: string; value: number }[] };
  expect(ranking.indicatorRetiredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(ranking.items.find((i) => i.code === "01")?.value).toBe(321);
  await approval.undo();

  // The edit and the retirement are in the change log, with before → after.
  await admin.goto(`/nhat-ky?kind=admin&indicator=${code}`);
  await expect(admin.locator("tbody tr", { hasText: "Sửa chỉ số" })).toContainText(`${name} (sửa)`);
  await expect(admin.locator("tbody tr", { hasText: "Ngừng sử dụng chỉ số" })).toContainText("Chỉ tiêu thử nghiệm");
});

test("an account created with the unit picker is found by the list's search and appears in the change log as administration", async ({
  browser,
}) => {
  const username = `canbo.chon${stamp}`;
  const admin = await signedInPage(browser, "quantri.bo");
  await admin.goto("/tai-khoan");
  await admin.getByLabel("Tên đăng nhập").fill(username);
  await admin.getByLabel("Họ tên").fill(`Cán Bộ Chọn Đơn Vị ${stamp}`);
  await admin.getByLabel("Vai trò").selectOption("COMMUNE_OFFICER");
  // Typed without diacritics, chosen with the keyboard; each option says its level and parent.
  const unit = admin.getByRole("combobox", { name: /Đơn vị: tên hoặc mã đơn vị/ });
  await unit.fill("ba dinh");
  const option = admin.getByRole("option", { name: /Phường Ba Đình/ }).first();
  await expect(option).toContainText("Xã, phường");
  await expect(option).toContainText("Hà Nội");
  await unit.press("ArrowDown");
  await unit.press("Enter");
  await expect(unit).toHaveValue(/Phường Ba Đình \(\d{5}\)/);
  await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(admin.getByRole("status").first()).toContainText(`Đã tạo tài khoản ${username}.`);

  // The list's search: by a name without diacritics.
  await admin.getByRole("searchbox", { name: "Tìm tài khoản" }).fill(`can bo chon don vi ${stamp}`);
  await admin.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(admin).toHaveURL(/q=can/);
  await expect(admin.locator("tr[data-user]")).toHaveCount(1);
  await expect(admin.locator(`tr[data-user="${username}"]`)).toContainText("Phường Ba Đình");

  // In the change log, filtered by kind "administration".
  await admin.goto("/nhat-ky");
  await admin.getByLabel("Loại thay đổi").selectOption("admin");
  await admin.getByRole("button", { name: "Lọc" }).click();
  await expect(admin).toHaveURL(/kind=admin/);
  const row = admin.locator("tbody tr", { hasText: username }).filter({ hasText: "Tạo tài khoản" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Quản trị");
  await expect(row).toContainText("quantri.bo");
  await expect(admin.locator("tbody tr[data-kind]:not([data-kind=admin])")).toHaveCount(0);
});

test("the change log pages 50 at a time and reads as cards on a phone", async ({ browser }) => {
  const admin = await signedInPage(browser, "quantri.bo");
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/nhat-ky?kind=import");
  await expect(admin.getByTestId("audit-total")).toContainText(/thay đổi · Trang 1\/\d/);
  await expect(admin.locator("tbody tr")).toHaveCount(50);
  await expect(admin.locator("tbody tr").first()).toContainText("Nhập từ tệp");
  // Nothing wider than the phone: the rows are cards, not a cut table.
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.getByRole("link", { name: "Trang sau →" }).click();
  await expect(admin).toHaveURL(/page=2/);
  await expect(admin.getByTestId("audit-total")).toContainText("Trang 2/");
  await expect(admin.getByRole("link", { name: "← Trang trước" })).toBeVisible();
});

test("without JavaScript the change log's unit filter is a plain code field and its pages are plain links", async ({
  browser,
}) => {
  const signedIn = await signedInPage(browser, "quantri.bo");
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await signedIn.context().storageState(),
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/nhat-ky");
  const unit = page.getByLabel("Đơn vị");
  await expect(unit).toHaveAttribute("name", "unit");
  await unit.fill("00004");
  await page.getByLabel("Loại thay đổi").selectOption("admin");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/unit=00004.*kind=admin/);
  await expect(page.locator("tbody tr").first()).toContainText("Phường Ba Đình");
  await expect(page.locator("tbody tr[data-kind]:not([data-kind=admin])")).toHaveCount(0);
  await context.close();
});
