import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";
import { e2eDatabase } from "./database";
import { demoTotpSecret, freshTotpCode, httpClient, signedInPage } from "./staff";

// Province admins sign in with a password and a code. Every account changed here is created
// here (the limits last 15 minutes and resets end sessions: no other spec's user is touched).
test.describe.configure({ mode: "serial", timeout: 180_000 });

const OWN_PASSWORD = "mat-khau-quan-tri-rieng";

type NewAdmin = { username: string; secret: string; recoveryCodes: string[]; page: Page };

/** A province admin created by the ministry, who signs in, picks a password and is sent to enrol. */
async function enrolNewAdmin(browser: Browser, ministry: APIRequestContext, tag: string): Promise<NewAdmin> {
  const username = `quantri.${tag}.${Date.now() % 1_000_000}`;
  const created = await ministry.post("/api/v1/users", {
    data: { action: "create", username, displayName: "Quản trị thử hai bước", role: "PROVINCE_ADMIN", unit: "01" },
  });
  expect(created.status()).toBe(200);
  const { password } = (await created.json()) as { password: string };
  const page = await (await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" })).newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByLabel("Mật khẩu đang dùng").fill(password);
  await page.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill(OWN_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu mới").fill(OWN_PASSWORD);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  // Not enrolled yet: nothing else opens, neither pages nor the API.
  await expect(page).toHaveURL(/\/xac-thuc-hai-buoc/);
  await expect(page.getByRole("status")).toContainText("phải đăng nhập bằng mật khẩu và mã trên điện thoại");
  await page.goto("/tai-khoan");
  await expect(page).toHaveURL(/\/xac-thuc-hai-buoc\?next=%2Ftai-khoan/);
  const refused = await page.request.get("/api/v1/entry/sheet?unit=01");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/bật xác thực hai bước tại \/xac-thuc-hai-buoc/);

  await expect(page.getByRole("img", { name: "Mã QR để thêm tài khoản vào ứng dụng xác thực" })).toBeVisible();
  const secret = ((await page.locator("[data-secret]").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Mã xác thực").fill(await freshTotpCode(username, secret));
  await page.getByRole("button", { name: "Bật xác thực hai bước" }).click();
  const codes = page.getByRole("list", { name: "Mã khôi phục: chỉ hiện một lần" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  await page.getByRole("link", { name: "Tiếp tục" }).click();
  await expect(page).toHaveURL(/\/tai-khoan/);
  return { username, secret, recoveryCodes, page };
}

async function passwordStep(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" })).newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(OWN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByLabel("Mã xác thực")).toBeVisible();
  return page;
}

async function codeStep(page: Page, code: string): Promise<void> {
  await page.getByLabel("Mã xác thực").fill(code);
  await page.getByRole("button", { name: "Xác nhận" }).click();
}

test("a province admin enrols, then signs in only with password and code; a recovery code works once; the ministry's reset ends the sessions and is logged; five wrong codes lock", async ({
  browser,
  baseURL,
}) => {
  const ministry = await httpClient(baseURL as string, "quantri.bo");
  const admin = await enrolNewAdmin(browser, ministry, "a");
  await admin.page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(admin.page).toHaveURL(/\/dang-nhap/);

  // The password alone does not sign in.
  const alone = await passwordStep(browser, admin.username);
  await alone.goto("/tai-khoan");
  await expect(alone).toHaveURL(/\/dang-nhap/);

  // Password and code do.
  const signedIn = await passwordStep(browser, admin.username);
  await codeStep(signedIn, await freshTotpCode(admin.username, admin.secret));
  await expect(signedIn).toHaveURL(/\/nhap-lieu/);

  // A recovery code signs in once.
  const recovered = await passwordStep(browser, admin.username);
  await codeStep(recovered, admin.recoveryCodes[0] ?? "");
  await expect(recovered).toHaveURL(/\/nhap-lieu/);
  const again = await passwordStep(browser, admin.username);
  await codeStep(again, admin.recoveryCodes[0] ?? "");
  await expect(again.locator("main").getByRole("alert")).toContainText("Mã xác thực không đúng hoặc đã được dùng.");
  await expect(again).toHaveURL(/\/dang-nhap/);

  // The ministry resets the second factor: the admin's sessions end, and the change log says so.
  const boss = await signedInPage(browser, "quantri.bo");
  await boss.goto(`/tai-khoan?q=${admin.username}`);
  const row = boss.locator(`tr[data-user="${admin.username}"]`);
  await expect(row).toContainText("có xác thực hai bước");
  await row.getByRole("button", { name: "Đặt lại xác thực hai bước" }).click();
  await expect(boss.getByRole("status")).toContainText(`Đã đặt lại xác thực hai bước của ${admin.username}`);
  await signedIn.reload();
  await expect(signedIn).toHaveURL(/\/dang-nhap/);
  await recovered.reload();
  await expect(recovered).toHaveURL(/\/dang-nhap/);
  await boss.goto("/nhat-ky?kind=admin");
  const logged = boss.locator("tr", { hasText: "Đặt lại xác thực hai bước" }).filter({ hasText: admin.username });
  await expect(logged.first()).toContainText("quantri.bo");

  // Signed in again with the password, the admin must enrol anew; then five wrong codes lock it.
  const back = await (await browser.newContext()).newPage();
  await back.goto("/dang-nhap");
  await back.getByLabel("Tên đăng nhập").fill(admin.username);
  await back.getByLabel("Mật khẩu").fill(OWN_PASSWORD);
  await back.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(back).toHaveURL(/\/xac-thuc-hai-buoc/);
  const secret = ((await back.locator("[data-secret]").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).not.toBe(admin.secret);
  await back.getByLabel("Mã xác thực").fill(await freshTotpCode(admin.username, secret));
  await back.getByRole("button", { name: "Bật xác thực hai bước" }).click();
  await expect(back.getByRole("listitem")).toHaveCount(10);

  const guessing = await passwordStep(browser, admin.username);
  for (let i = 1; i <= 5; i++) {
    await codeStep(guessing, `00000${i}`);
    await expect(guessing.locator("main").getByRole("alert")).toContainText(
      i < 5 ? "Mã xác thực không đúng" : "Tài khoản tạm khoá do nhập sai mật khẩu 5 lần",
    );
    // The form clears the code after each answer; wait for that before typing again.
    await expect(guessing.getByLabel("Mã xác thực")).toHaveValue("");
  }
  // Even the right code, or the right password, is refused while the lock lasts.
  await codeStep(guessing, await freshTotpCode(admin.username, secret));
  await expect(guessing.locator("main").getByRole("alert")).toContainText("tạm khoá");
  const locked = await (await browser.newContext()).newPage();
  await locked.goto("/dang-nhap");
  await locked.getByLabel("Tên đăng nhập").fill(admin.username);
  await locked.getByLabel("Mật khẩu").fill(OWN_PASSWORD);
  await locked.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(locked.locator("main").getByRole("alert")).toContainText("tạm khoá");
  await ministry.dispose();
});

test("a parallel burst of 50 wrong codes is stopped at the account's limit", async ({ browser, baseURL }) => {
  const ministry = await httpClient(baseURL as string, "quantri.bo");
  const admin = await enrolNewAdmin(browser, ministry, "b");
  const client = await httpClient(baseURL as string);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const db = await e2eDatabase();
  const before = (await db.query("SELECT COALESCE(max(id), 0)::text AS id FROM login_attempt")).rows[0].id as string;
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      client.post("/api/auth/callback/credentials", {
        form: { username: admin.username, password: OWN_PASSWORD, code: String(200000 + i), csrfToken },
        maxRedirects: 0,
      }),
    ),
  );
  // Every answer is a refusal; only five were checked, the rest refused by the limit unchecked.
  for (const answer of answers) expect(answer.headers().location).toContain("error=CredentialsSignin");
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE NOT success)::int AS failed, count(*) FILTER (WHERE success)::int AS ok
     FROM login_attempt WHERE username = $1 AND id > $2::bigint`,
    [admin.username, before],
  );
  await db.end();
  expect(rows[0]).toEqual({ failed: 5, ok: 0 });
  expect(answers.filter((a) => a.headers().location?.includes("code=limited")).length).toBeGreaterThanOrEqual(45);
  await client.dispose();
  await ministry.dispose();
});

test("without JavaScript an admin signs in with the password, then the code, on plain forms", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("quantri.hanoi");
  await page.getByLabel("Mật khẩu").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The page the form's answer draws asks for the code: the password is kept nowhere in it.
  await expect(page.getByText("Mật khẩu đúng. Nhập mã 6 chữ số")).toBeVisible();
  expect(await page.content()).not.toContain(E2E_DEMO_PASSWORD);
  // A reload (a new request) still knows the password step was passed: the note is in a cookie.
  await page.goto("/dang-nhap");
  await expect(page.getByLabel("Mã xác thực")).toBeVisible();
  // A wrong code is answered on the page, in words.
  await page.getByLabel("Mã xác thực").fill("000000");
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Mã xác thực không đúng hoặc đã được dùng.");
  // The right code signs in.
  const secret = demoTotpSecret("quantri.hanoi") ?? "";
  await page.getByLabel("Mã xác thực").fill(await freshTotpCode("quantri.hanoi", secret));
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page).toHaveURL(/\/(nhap-lieu|dieu-hanh)/);
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();

  // "Another account" leaves the code step, also without JavaScript.
  const other = await (
    await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" })
  ).newPage();
  await other.goto("/dang-nhap");
  await other.getByLabel("Tên đăng nhập").fill("quantri.hanoi");
  await other.getByLabel("Mật khẩu").fill(E2E_DEMO_PASSWORD);
  await other.getByRole("button", { name: "Đăng nhập" }).click();
  await other.getByRole("button", { name: "Đăng nhập bằng tài khoản khác" }).click();
  await expect(other.getByLabel("Tên đăng nhập")).toBeVisible();
  await other.goto("/dang-nhap");
  await expect(other.getByLabel("Mã xác thực")).toHaveCount(0);
  await other.context().close();
  await context.close();
});
