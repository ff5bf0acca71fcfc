import { readFileSync } from "node:fs";
import { type APIRequestContext, type Browser, expect, type Page, request } from "@playwright/test";
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

/** A browser page signed in as one of the demo accounts (see lib/demo/demo-accounts.ts). */
export async function signedInPage(browser: Browser, username: string): Promise<Page> {
  const page = await signInPage(browser, username);
  await expect(page).toHaveURL(/\/(nhap-lieu|dieu-hanh)/);
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

/** A scripted HTTP client of this site (it names the site as its Origin), signed in as `username` if given. */
export async function httpClient(baseURL: string, username?: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (username) await signInOverHttp(client, username);
  return client;
}
