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
  await signInOn(page, who);
  return page;
}

const NEW_PASSWORD = "vung-lom-song-2026";

/** Signs in on this page's browser; a new account sets its own password first. */
async function signInOn(page: Page, who: { username: string; password: string }, firstTime = true) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(who.username);
  await page.getByLabel("Mật khẩu").fill(firstTime ? who.password : NEW_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  if (firstTime) {
    await expect(page).toHaveURL(/\/doi-mat-khau/);
    await page.getByLabel("Mật khẩu đang dùng").fill(who.password);
    await page.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill(NEW_PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  }
  await expect(page).toHaveURL(/\/nhap-lieu/);
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

/** Figures the user wrote, whatever the week. */
async function enteredBy(username: string): Promise<number> {
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query("SELECT count(*)::int AS n FROM figure WHERE entered_by = $1", [username]);
    return (rows[0] as { n: number }).n;
  } finally {
    await db.end();
  }
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
  // A report needs the figures on the server first: it waits on the device behind them.
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "báo cáo đã được giữ trên máy này" })).toBeVisible();
  await expect(page.getByTestId("save-state")).toContainText("2 thay đổi chỉ lưu trên máy này");
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

test("on a shared device one officer's saves and page copy are never sent or shown under another's session", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const first = await officerOf(baseURL as string, 7);
  const second = await officerOf(baseURL as string, 8);
  const page = await signIn(browser, first);
  const firstHeading = (await page.getByRole("heading", { level: 1 }).textContent()) as string;
  await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
  const week = await page.getByRole("combobox", { name: "Tuần báo cáo" }).inputValue();
  const before = await figuresOf(first.unit, week);

  // The first officer saves with no network.
  await page.context().setOffline(true);
  await page.reload();
  const intake = await raise(page, INTAKE, 13);
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu trên máy 1 số liệu" })).toBeVisible();

  // Their session ends without signing out (the cookie is gone); the second officer signs in on the same browser.
  await page.context().clearCookies();
  await page.context().setOffline(false);
  await signInOn(page, second);
  const secondHeading = (await page.getByRole("heading", { level: 1 }).textContent()) as string;
  expect(secondHeading).not.toBe(firstHeading);
  await expect(page.getByTestId("outbox-others")).toContainText("có 1 lượt lưu của tài khoản khác đang chờ gửi");
  await expect(page.getByTestId("outbox")).toHaveCount(0);

  // With no network the second officer has no copy of their own: the device says so and shows nobody else's.
  await page.context().setOffline(true);
  const offline = await page.reload();
  expect(offline?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không có mạng");
  await expect(page.getByText(firstHeading)).toHaveCount(0);
  await expect(page.getByText(intake.toLocaleString("vi-VN"))).toHaveCount(0);

  // The network is back: the first officer's save is not sent under the second officer's session.
  await page.context().setOffline(false);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondHeading);
  await expect(page.getByTestId("outbox-others")).toContainText("sẽ được gửi khi tài khoản đó đăng nhập lại");
  await page.screenshot({ path: "test-reports/screenshots/offline-entry-other-account.png", fullPage: true });
  await page.waitForTimeout(2000);
  expect(await figuresOf(first.unit, week)).toEqual(before);
  expect(await auditOf(second.username)).toEqual({ count: 0, values: [] });
  expect(await auditOf(first.username)).toEqual({ count: 0, values: [] });
  expect(await enteredBy(second.username)).toBe(0);

  // Sent under another session anyway (a page of the first officer still open), the server refuses it and writes nothing.
  const queued = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? "[]"),
    `de-an-06:hang-cho:${await userIdOf(first.username)}`,
  );
  expect(queued).toHaveLength(1);
  const forced = await page.request.post("/api/v1/entry/figures", {
    data: { requestId: queued[0].requestId, week: queued[0].week, owner: queued[0].owner, entries: queued[0].entries },
  });
  expect(forced.status()).toBe(403);
  expect(((await forced.json()) as { error: { param: string; message: string } }).error).toMatchObject({
    param: "owner",
    message: expect.stringContaining("cho một tài khoản khác"),
  });
  expect(await auditOf(second.username)).toEqual({ count: 0, values: [] });
  expect(await enteredBy(second.username)).toBe(0);

  // Not lost: when the first officer signs in again, their save is sent, under their name.
  await page.context().clearCookies();
  await signInOn(page, first, false);
  await expect(page.getByRole("status").filter({ hasText: "Đã gửi 1 số liệu lưu trên máy" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("outbox-others")).toHaveCount(0);
  expect((await figuresOf(first.unit, week)).CCCD_INTAKE?.value).toBe(intake);
  expect(await auditOf(first.username)).toEqual({ count: 1, values: [intake] });
  expect(await enteredBy(second.username)).toBe(0);
});

async function userIdOf(username: string): Promise<number> {
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query<{ id: number }>("SELECT id FROM app_user WHERE username = $1", [username]);
    return (rows[0] as { id: number }).id;
  } finally {
    await db.end();
  }
}
