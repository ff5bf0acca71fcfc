import { type Browser, expect, type Page, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { httpClient } from "./staff";

// An officer with no signal: the entry page opens from the copy on the device, figures saved
// there wait in the device's queue and are sent once the network is back, each exactly once.
// Each test has a commune officer of its own, on a commune no other test writes to.

const INTAKE = "Hồ sơ cấp CCCD gắn chip đã thu nhận";
const ISSUED = "Thẻ CCCD đã cấp";

async function officerOf(baseURL: string, nth: number): Promise<{ username: string; password: string; unit: string }> {
  const anonymous = await httpClient(baseURL);
  const ranking = await anonymous.get("/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&parent=01");
  expect(ranking.status()).toBe(200);
  const { items } = (await ranking.json()) as { items: { code: string }[] };
  const unit = [...items].map((i) => i.code).sort()[nth] as string;
  const admin = await httpClient(baseURL, "quantri.hanoi");
  const username = `xa.ngoai.mang.${nth}.${Date.now()}`;
  const created = await admin.post("/api/v1/users", {
    data: { action: "create", username, displayName: "Cán bộ xã vùng lõm sóng", role: "COMMUNE_OFFICER", unit },
  });
  expect(created.status()).toBe(200);
  return { username, password: ((await created.json()) as { password: string }).password, unit };
}

async function signIn(browser: Browser, who: { username: string; password: string }, serviceWorkers = true) {
  const context = await browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    serviceWorkers: serviceWorkers ? "allow" : "block",
  });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(who.username);
  await page.getByLabel("Mật khẩu").fill(who.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // A new account sets its own password first.
  await expect(page).toHaveURL(/\/doi-mat-khau/);
  await page.getByLabel("Mật khẩu đang dùng").fill(who.password);
  await page.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill("vung-lom-song-2026");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("vung-lom-song-2026");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu/);
  return page;
}

/** Types a value a little above the one shown, so the figure rules have nothing to warn about. */
async function raise(page: Page, label: string, by: number): Promise<number> {
  const input = page.getByLabel(label);
  const shown = Number((await input.inputValue()).replace(/\D/g, "") || 0);
  await input.fill(String(shown + by));
  return shown + by;
}

/** Saves; a figure-rule warning (a week with no figure yet reads as a drop) is confirmed. */
async function save(page: Page) {
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  const confirm = page.getByRole("button", { name: "Vẫn lưu" });
  await confirm.waitFor({ timeout: 1500 }).then(
    () => confirm.click(),
    () => undefined,
  );
}

async function auditOf(username: string): Promise<{ count: number; values: number[] }> {
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query<{ value: number }>(
      "SELECT (new_value->>'value')::int AS value FROM audit_entry WHERE actor = $1 AND entity = 'figure' ORDER BY 1",
      [username],
    );
    return { count: rows.length, values: rows.map((r) => r.value) };
  } finally {
    await db.end();
  }
}

async function figuresOf(unit: string, week: string): Promise<Record<string, { value: number; version: number }>> {
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query<{ code: string; value: number; version: number }>(
      `SELECT i.code, f.value, f.version FROM figure f JOIN indicator i ON i.id = f.indicator_id
       JOIN unit u ON u.id = f.unit_id WHERE u.code = $1 AND u.valid_to IS NULL AND f.as_of = $2::date`,
      [unit, week],
    );
    return Object.fromEntries(rows.map((r) => [r.code, { value: r.value, version: r.version }]));
  } finally {
    await db.end();
  }
}

test("with no network the entry page opens from the device, saves wait there, and are sent once when the network is back", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const officer = await officerOf(baseURL as string, 5);
  const page = await signIn(browser, officer);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  const week = await page.getByRole("combobox", { name: "Tuần báo cáo" }).inputValue();
  const before = await figuresOf(officer.unit, week);

  await page.context().setOffline(true);
  const offline = await page.reload();
  // The page came from the copy on the device, not from the server.
  expect(offline?.headers()["x-saved-on-device"]).toBeTruthy();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading as string);
  await expect(page.getByText("Đang mất mạng.")).toBeVisible();
  const intake = await raise(page, INTAKE, 7);
  const issued = await raise(page, ISSUED, 3);
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy 2 số liệu" })).toBeVisible();
  await expect(page.getByTestId("outbox")).toContainText("Chờ gửi: 2 số liệu");
  await page.screenshot({ path: "test-reports/screenshots/offline-entry-waiting.png", fullPage: true });

  // Opened again with no network: what waits is still there, in the form and in the list.
  await page.reload();
  await expect(page.getByLabel(INTAKE)).toHaveValue(intake.toLocaleString("vi-VN"));
  await expect(page.getByLabel(ISSUED)).toHaveValue(issued.toLocaleString("vi-VN"));
  await page
    .getByTestId("outbox")
    .getByText(/Tuần .* 2 số liệu/)
    .click();
  await expect(page.getByTestId("outbox")).toContainText(`${INTAKE}: ${intake.toLocaleString("vi-VN")}`);
  // A report needs the figures on the server first.
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Còn số liệu của tuần này lưu trên máy" })).toBeVisible();
  expect((await auditOf(officer.username)).count).toBe(0);

  await page.context().setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi 2 số liệu lưu trên máy" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("outbox")).toHaveCount(0);
  await page.screenshot({ path: "test-reports/screenshots/offline-entry-sent.png", fullPage: true });

  // Exactly one figure and one audit entry per value.
  const after = await figuresOf(officer.unit, week);
  expect(after.CCCD_INTAKE?.value).toBe(intake);
  expect(after.CCCD_ISSUED?.value).toBe(issued);
  expect(after.CCCD_INTAKE?.version).toBe((before.CCCD_INTAKE?.version ?? 0) + 1);
  expect(after.CCCD_ISSUED?.version).toBe((before.CCCD_ISSUED?.version ?? 0) + 1);
  expect(await auditOf(officer.username)).toEqual({ count: 2, values: [intake, issued].sort((a, b) => a - b) });

  // Reloading sends nothing again; the form shows the server's figures.
  await page.reload();
  await expect(page.getByLabel(INTAKE)).toHaveValue(intake.toLocaleString("vi-VN"));
  await expect(page.getByTestId("outbox")).toHaveCount(0);
  expect((await auditOf(officer.username)).count).toBe(2);

  // Signing out takes the copy of the page off the device.
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await expect
    .poll(() => page.evaluate(async () => (await caches.match("/nhap-lieu")) === undefined), { timeout: 10_000 })
    .toBe(true);
});

test("a save whose answer is lost waits on the device and is sent again with the same request id: written once", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const officer = await officerOf(baseURL as string, 6);
  // No service worker here: the browser's own interception of the save needs it out of the way.
  const page = await signIn(browser, officer, false);
  // The save reaches the server and is written; its answer never comes back.
  let cut = 0;
  await page.route(
    (url) => url.pathname === "/nhap-lieu",
    async (route) => {
      if (route.request().method() !== "POST" || cut > 0) return route.fallback();
      cut++;
      await route.fetch();
      await route.abort("connectionreset");
    },
  );
  const intake = await raise(page, INTAKE, 11);
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: /Đã gửi 1 số liệu lưu trên máy/ })).toBeVisible({
    timeout: 30_000,
  });
  expect(cut).toBe(1);
  const audit = await auditOf(officer.username);
  expect(audit).toEqual({ count: 1, values: [intake] });
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query("SELECT DISTINCT request_id FROM audit_entry WHERE actor = $1", [officer.username]);
    expect(rows).toHaveLength(1);
  } finally {
    await db.end();
  }
});
