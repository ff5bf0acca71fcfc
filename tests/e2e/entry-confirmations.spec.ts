import { type Browser, expect, type Page, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { httpClient, signedInPage } from "./staff";

// What the entry page asks and says before and after a write: the confirmation where the eye
// is, what waits on the device, warned figures and outstanding units named before a report
// moves up, and saving from the keyboard. Each test writes to communes of Hà Nội no other
// spec uses (the 10th to 14th by code), in the current week.

const INTAKE = "Hồ sơ cấp CCCD gắn chip đã thu nhận";
const PHONE = { width: 390, height: 844 };
const SHOTS = "test-reports/screenshots";

/** The nth commune of Hà Nội by code, with its name. */
async function communeOf(baseURL: string, nth: number): Promise<string> {
  const ranking = await (await httpClient(baseURL)).get(
    "/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&parent=01",
  );
  const { items } = (await ranking.json()) as { items: { code: string }[] };
  return items.map((i) => i.code).sort()[nth] as string;
}

/** A new commune officer of the nth commune, signed in (password changed) on a page of the given size. */
async function officerPage(browser: Browser, baseURL: string, nth: number, viewport = PHONE): Promise<Page> {
  const unit = await communeOf(baseURL, nth);
  const admin = await httpClient(baseURL, "quantri.hanoi");
  const username = `xa.xac.nhan.${nth}.${Date.now()}`;
  const created = await admin.post("/api/v1/users", {
    data: { action: "create", username, displayName: "Cán bộ xã thử xác nhận", role: "COMMUNE_OFFICER", unit },
  });
  expect(created.status()).toBe(200);
  const { password } = (await created.json()) as { password: string };
  const context = await browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport,
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByLabel("Mật khẩu đang dùng").fill(password);
  await page.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill("xac-nhan-2026-mat-khau");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("xac-nhan-2026-mat-khau");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu/);
  return page;
}

async function query<T>(text: string, values: unknown[]): Promise<T[]> {
  const db = await e2eDatabase();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
}

/** Report submissions written for a unit (current units only) by anyone. */
async function submissionsOf(unit: string): Promise<number> {
  const rows = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_entry a JOIN unit u ON u.id = a.unit_id
     WHERE u.code = $1 AND u.valid_to IS NULL AND a.action = 'submit'`,
    [unit],
  );
  return rows[0]?.n ?? 0;
}

const shown = (text: string | null) => Number((text ?? "").replace(/\D/g, "") || 0);

test("on a phone the warned-save confirmation opens in view and focused; counts are grouped as typed; ratios label both boxes", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await officerPage(browser, baseURL as string, 10);
  const intake = page.getByLabel(INTAKE);
  // Typed without grouping, shown grouped when the cell is left; read back as the same count.
  await intake.fill("88700");
  await intake.blur();
  await expect(intake).toHaveValue("88.700");
  // A cumulative count far below last week: a warning to confirm.
  await intake.fill("1");
  const save = page.getByRole("button", { name: "Lưu số liệu" });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Kiểm tra lại trước khi lưu");
  await expect(dialog).toContainText("Thấp hơn tuần trước");
  await expect(dialog.getByRole("button", { name: "Vẫn lưu" })).toBeFocused();
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  if (box) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  }
  await page.screenshot({ path: `${SHOTS}/entry-phone-confirm.png` });
  await dialog.getByRole("button", { name: "Xem lại" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("save-state")).toContainText("1 ô đã sửa, chưa lưu.");

  // A ratio's two boxes each say which they are, and last week shows both.
  const ratioRow = page.locator("tbody tr", { has: page.getByText("Tử số", { exact: true }) }).first();
  await expect(ratioRow.getByText("Mẫu số", { exact: true })).toBeVisible();
  await expect(ratioRow.locator("td").first()).toHaveText(/^(–|[\d.]+ \/ [\d.]+)$/);

  // The staff header takes at most two lines on a phone.
  const header = await page.locator("header").boundingBox();
  expect(header?.height ?? 999).toBeLessThanOrEqual(100);
  await expect(
    page.getByRole("navigation", { name: "Chức năng" }).getByRole("link", { name: "Số liệu tuần" }),
  ).toHaveAttribute("aria-current", "page");
  await page.context().close();
});

test("on a phone a save and a report made offline wait on the device, say so at the bottom, and the report is sent once when the network is back", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await officerPage(browser, baseURL as string, 11);
  const unit = await communeOf(baseURL as string, 11);
  const before = await submissionsOf(unit);
  await page.context().setOffline(true);
  const intake = page.getByLabel(INTAKE);
  const last = shown(await page.locator("tbody tr", { hasText: INTAKE }).locator("td").first().textContent());
  await intake.fill(String(last + 7));
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(page.getByTestId("save-state")).toContainText("1 thay đổi chỉ lưu trên máy này, sẽ gửi khi có mạng.");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "báo cáo đã được giữ trên máy này" })).toBeVisible();
  await expect(page.getByTestId("save-state")).toContainText("Báo cáo chỉ nằm trên máy này");
  await expect(page.getByTestId("outbox")).toContainText("Báo cáo của");
  await page.screenshot({ path: `${SHOTS}/entry-phone-offline.png`, fullPage: true });
  expect(await submissionsOf(unit)).toBe(before);

  await page.context().setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi báo cáo tuần" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Đã gửi, chờ duyệt")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi lại báo cáo" })).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("outbox")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/entry-phone-offline-sent.png`, fullPage: true });
  // Sent exactly once, also after a reload.
  await page.reload();
  await expect(page.getByText("Đã gửi, chờ duyệt")).toBeVisible();
  expect(await submissionsOf(unit)).toBe(before + 1);
  await page.context().close();
});

test("approving a report with a warned figure asks first, naming it with last week and this week", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const unit = await communeOf(baseURL as string, 12);
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.setViewportSize({ width: 1366, height: 900 });
  const row = page.locator(`tr[data-unit="${unit}"]`);
  const name = ((await row.locator("th").textContent()) ?? "").replace(/\(chưa báo cáo\)$/, "").trim();
  // Last week beside this week, in every row.
  const cell = row.locator("td", { has: page.getByLabel(`${name} – ${INTAKE}`) });
  const lastWeek = shown(await cell.locator("span").first().textContent());
  expect(lastWeek).toBeGreaterThan(100);
  await row.getByLabel(`${name} – ${INTAKE}`).fill("100");
  // The warning is written under the cell, not only in a tooltip.
  await expect(cell).toContainText("Thấp hơn tuần trước");
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Vẫn lưu" }).click();
  await expect(page.getByRole("status")).toContainText("Đã lưu 1 số liệu");
  await page.reload();
  await row.getByRole("button", { name: "Gửi thay" }).click();
  await expect(row).toContainText("Đã gửi, chờ duyệt");
  await page.screenshot({ path: `${SHOTS}/entry-grid-last-week.png` });

  await row.getByRole("button", { name: "Phê duyệt" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Phê duyệt ${name}? 1 số liệu có cảnh báo`);
  await expect(dialog).toContainText(
    `${name} – ${INTAKE}: tuần trước ${lastWeek.toLocaleString("vi-VN")} → tuần này 100. Thấp hơn tuần trước`,
  );
  await page.screenshot({ path: `${SHOTS}/entry-approve-confirm.png` });
  await dialog.getByRole("button", { name: "Quay lại" }).click();
  await expect(row).toContainText("Đã gửi, chờ duyệt");
  await row.getByRole("button", { name: "Phê duyệt" }).click();
  await dialog.getByRole("button", { name: "Vẫn phê duyệt" }).click();
  await expect(row).toContainText("Đã duyệt, đã khoá");
  // Unlocked again, so the specs after this one find every commune of the week open.
  await row.getByText("Mở khoá…").click();
  await row.getByLabel("Lý do mở khoá").fill("Mở lại cho các bài kiểm tra sau");
  await row.getByRole("button", { name: "Xác nhận mở khoá" }).click();
  await expect(row).not.toContainText("Đã duyệt, đã khoá");
  await page.context().close();
});

test("submitting the province's report while communes have not lists them and needs a confirmation", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.setViewportSize({ width: 1366, height: 900 });
  const before = await submissionsOf("01");
  await page.getByRole("button", { name: /^(Gửi báo cáo|Gửi lại báo cáo)$/ }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(/\d+\/126 đơn vị cấp dưới chưa gửi báo cáo tuần này/);
  await expect(dialog.getByRole("listitem")).toHaveCount(12);
  await expect(dialog).toContainText(/và \d+ đơn vị khác/);
  await page.screenshot({ path: `${SHOTS}/entry-outstanding-confirm.png` });
  await dialog.getByRole("button", { name: "Quay lại" }).click();
  await expect(dialog).toBeHidden();
  expect(await submissionsOf("01")).toBe(before);
  await page.context().close();
});

test("Ctrl+S saves the grid without submitting, and a keyboard-only user gets to a cell and saves", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const unit = await communeOf(baseURL as string, 13);
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/nhap-lieu");
  const before = await submissionsOf(unit);

  // Only the keyboard: the skip link, then the sheet's own link to its first cell.
  let tabs = 0;
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
  await page.keyboard.press("Tab");
  tabs++;
  expect(await focused()).toBe("Bỏ qua, tới nội dung chính");
  await page.keyboard.press("Enter");
  while ((await focused()) !== "Tới ô nhập đầu tiên" && tabs < 10) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  expect(await focused()).toBe("Tới ô nhập đầu tiên");
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-cell="0:0"]')).toBeFocused();
  console.log(`Tab presses to the first cell: ${tabs} (then Enter)`);
  // Down to the commune's row with the arrows (its place read from the page, not clicked).
  const at = Number(
    ((await page.locator(`tr[data-unit="${unit}"] [data-cell]`).first().getAttribute("data-cell")) ?? "0:0").split(
      ":",
    )[0],
  );
  // Locked (approved) rows have no cell: the arrows pass over them.
  const target = page.locator(`[data-cell="${at}:0"]`);
  for (let i = 0; i < at && !(await target.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press("ArrowDown");
  await expect(target).toBeFocused();
  const value =
    shown(await target.inputValue()) ||
    shown(await page.locator(`tr[data-unit="${unit}"] td span`).first().textContent());
  await page.keyboard.type(String(value + 5));
  await page.keyboard.press("Control+s");
  await expect(page.getByRole("status")).toContainText("Đã lưu 1 số liệu");
  await expect(target).toHaveValue((value + 5).toLocaleString("vi-VN"));
  expect(await submissionsOf(unit)).toBe(before);
  await expect(page.locator(`tr[data-unit="${unit}"]`)).not.toContainText("Đã gửi, chờ duyệt");
  // A value typed wrong is never taken for "saved": Ctrl+S says what to fix.
  await target.fill("12,5");
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-state")).toContainText("1 ô nhập chưa đúng, chưa lưu");
  await target.fill((value + 5).toLocaleString("vi-VN"));
  await expect(page.getByTestId("save-state")).toContainText("Không có thay đổi chưa lưu");

  // The save button is reached from the top in a few Tabs, past the 126 rows.
  await page.goto("/nhap-lieu");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  let toSave = 1;
  while ((await focused()) !== "Tới nút Lưu số liệu" && toSave < 12) {
    await page.keyboard.press("Tab");
    toSave++;
  }
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Lưu số liệu" })).toBeFocused();
  console.log(`Tab presses from the top to the save button: ${toSave} (then Enter)`);
  await page.context().close();
});

test("in English the form's checks, numbers and ratio boxes are English", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const page = await officerPage(browser, baseURL as string, 14, { width: 1366, height: 900 });
  await page.goto("/ngon-ngu?lang=en&next=/nhap-lieu");
  await expect(page).toHaveURL(/\/nhap-lieu$/);
  const unitName = (await page.getByRole("heading", { level: 1 }).textContent()) as string;
  const intake = page.getByLabel("Chip ID-card applications received");
  await intake.fill("12x");
  await expect(page.getByText("Whole numbers ≥ 0 only.")).toBeVisible();
  // English groups thousands with commas, and reads them back.
  await intake.fill("88700");
  await intake.blur();
  await expect(intake).toHaveValue("88,700");
  await expect(page.getByText("Numerator", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Denominator", { exact: true }).first()).toBeVisible();
  await intake.fill("1");
  await page.getByRole("button", { name: "Save figures" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(/Lower than last week \(\d{1,3}(,\d{3})*\)/);
  await page.screenshot({ path: `${SHOTS}/entry-desktop-en-confirm.png` });
  // Nothing Vietnamese on the page but the unit's own name.
  const words = ((await page.locator("main").textContent()) ?? "").replaceAll(unitName, "");
  expect(words.match(/\S*[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]\S*/giu) ?? []).toEqual([]);
  await page.getByRole("alertdialog").getByRole("button", { name: "Review" }).click();
  await page.setViewportSize(PHONE);
  await page.getByRole("button", { name: "Save figures" }).click();
  await page.screenshot({ path: `${SHOTS}/entry-phone-en-confirm.png` });
  await page.context().close();
});
