import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  request,
} from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";
import { e2eDatabase } from "./database";

/** The last reporting week before the 2025 reorganisation: districts still existed. */
export const OLD_WEEK = "2025-06-29";

/** The demo accounts' TOTP secrets, as `npm start` wrote them beside the e2e database. */
export function demoTotpSecret(username: string): string | undefined {
  const { accounts } = JSON.parse(readFileSync(".data/e2e-postgres.demo-accounts.json", "utf8")) as {
    accounts: { username: string; totpSecret?: string }[];
  };
  return accounts.find((a) => a.username === username)?.totpSecret;
}

/** A TOTP code for a time step (30 s each), as an authenticator app computes it. */
export function totpCodeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: step * 30_000,
  });
}

const stepNow = () => Math.floor(Date.now() / 30_000);

/**
 * A code the product will accept now for `username`: a code is accepted once, so when this
 * step's code was already used (the same admin signed in moments ago) the next step's is
 * taken (the product accepts one step either side), and only past that is the wait.
 */
export async function freshTotpCode(username: string, secret: string): Promise<string> {
  const db = await e2eDatabase();
  const { rows } = await db.query("SELECT totp_last_step FROM app_user WHERE username = $1", [username]);
  await db.end();
  const last = rows[0]?.totp_last_step as number | null | undefined;
  const step = Math.max(stepNow(), (last ?? 0) + 1);
  while (step > stepNow() + 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
  return totpCodeAt(secret, step);
}

/**
 * A new browser page (Vietnamese, Vietnam's time) where `username` has just pressed "Đăng
 * nhập" (and, for an account with a second factor, typed its code and pressed "Xác nhận").
 */
export async function signInPage(browser: Browser, username: string, password = E2E_DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const secret = password === E2E_DEMO_PASSWORD ? demoTotpSecret(username) : undefined;
  if (secret) {
    await page.getByLabel("Mã xác thực").fill(await freshTotpCode(username, secret));
    await page.getByRole("button", { name: "Xác nhận" }).click();
  }
  return page;
}

/**
 * Where a session of an account with a second factor is kept for the rest of the run (its
 * cookies only), so each admin types a code once per run: codes are accepted once per
 * 30-second step, and many specs sign the same admins in. Playwright empties test-results at
 * the start of every run, and a kept session that has ended since is noticed and replaced.
 */
function keptSessionFile(username: string): string {
  return join("test-results", ".signed-in", `${username}.json`);
}

type KeptSession = Awaited<ReturnType<BrowserContext["storageState"]>>;

function keptSession(username: string): KeptSession | null {
  if (!demoTotpSecret(username)) return null; // accounts without a code sign in afresh each time, as before
  try {
    return JSON.parse(readFileSync(keptSessionFile(username), "utf8")) as KeptSession;
  } catch {
    return null;
  }
}

function keepSession(username: string, state: KeptSession): void {
  if (!demoTotpSecret(username)) return;
  mkdirSync(dirname(keptSessionFile(username)), { recursive: true });
  // Cookies only: like a fresh sign-in, every page starts on a device with nothing stored.
  writeFileSync(keptSessionFile(username), JSON.stringify({ cookies: state.cookies, origins: [] }));
}

function forgetSession(username: string): void {
  rmSync(keptSessionFile(username), { force: true });
}

const SIGNED_IN_URL = /\/(nhap-lieu|dieu-hanh)/;

/**
 * A browser page signed in as one of the demo accounts (see lib/demo/demo-accounts.ts). An
 * admin reuses the session signed in earlier in the run; a spec that ends sessions (signs
 * out, resets, changes a password) passes `fresh` so it ends a session of its own.
 */
export async function signedInPage(browser: Browser, username: string, options?: { fresh?: boolean }): Promise<Page> {
  const kept = options?.fresh ? null : keptSession(username);
  if (kept) {
    const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", storageState: kept });
    const page = await context.newPage();
    await page.goto("/nhap-lieu");
    if (SIGNED_IN_URL.test(new URL(page.url()).pathname)) return page;
    forgetSession(username); // ended since (a reset, a new password): sign in afresh below
    await context.close();
  }
  const page = await signInPage(browser, username);
  await expect(page).toHaveURL(SIGNED_IN_URL);
  if (!options?.fresh) keepSession(username, await page.context().storageState());
  return page;
}

/** An HTTP client signed in through the Auth.js credentials endpoint, as any script would. */
export async function signInOverHttp(request: APIRequestContext, username: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // An account with a second factor sends its code with the password, in the same request.
  const secret = demoTotpSecret(username);
  const code = secret ? await freshTotpCode(username, secret) : "";
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username, password: E2E_DEMO_PASSWORD, code, csrfToken, callbackUrl: "/nhap-lieu" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).not.toContain("error");
}

/**
 * A scripted HTTP client of this site (it names the site as its Origin), signed in as
 * `username` if given: an admin's reuses the run's kept session, as `signedInPage` does.
 */
export async function httpClient(
  baseURL: string,
  username?: string,
  options?: { fresh?: boolean },
): Promise<APIRequestContext> {
  const extraHTTPHeaders = { origin: baseURL };
  const kept = username && !options?.fresh ? keptSession(username) : null;
  if (username && kept) {
    const client = await request.newContext({ baseURL, extraHTTPHeaders, storageState: kept });
    // Signed in still if the entry page opens (or sends on to the dashboard), not the sign-in page.
    const probe = await client.get("/nhap-lieu");
    const open = probe.ok() && SIGNED_IN_URL.test(new URL(probe.url()).pathname);
    await probe.dispose();
    if (open) return client;
    forgetSession(username);
    await client.dispose();
  }
  const client = await request.newContext({ baseURL, extraHTTPHeaders });
  if (username) {
    await signInOverHttp(client, username);
    if (!options?.fresh) keepSession(username, await client.storageState());
  }
  return client;
}

/**
 * The public pages show approved figures only: `unit`'s officer submits its week (the entry
 * page's week when none is named) and `approver` approves it; returns the week. `undo`
 * unlocks it again, so specs that enter figures later in the shared database can.
 */
export async function approveWeek(
  baseURL: string,
  unit: { code: string; officer: string; approver: string },
  week?: string,
): Promise<{ week: string; undo: () => Promise<void> }> {
  const officer = await httpClient(baseURL, unit.officer);
  const approver = await httpClient(baseURL, unit.approver);
  const shown =
    week ?? ((await (await officer.get(`/api/v1/entry/sheet?unit=${unit.code}`)).json()) as { week: string }).week;
  const act = async (client: typeof officer, action: string, reason?: string) => {
    const answer = await client.post("/api/v1/entry/reports", {
      data: { requestId: crypto.randomUUID(), week: shown, unit: unit.code, action, reason },
    });
    if (answer.status() !== 200) throw new Error(`${action} ${unit.code} ${shown}: ${await answer.text()}`);
  };
  await act(officer, "submit");
  await act(approver, "approve");
  return { week: shown, undo: () => act(approver, "unlock", "Trả lại như trước khi kiểm thử") };
}
