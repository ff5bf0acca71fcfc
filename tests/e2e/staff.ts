import { type APIRequestContext, type Browser, expect, type Page, request } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

/** The last reporting week before the 2025 reorganisation: districts still existed. */
export const OLD_WEEK = "2025-06-29";

/** A new browser page (Vietnamese, Vietnam's time) where `username` has just pressed "Đăng nhập". */
export async function signInPage(browser: Browser, username: string, password = E2E_DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
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
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username, password: E2E_DEMO_PASSWORD, csrfToken, callbackUrl: "/nhap-lieu" },
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
  const act = async (client: typeof officer, action: string) => {
    const answer = await client.post("/api/v1/entry/reports", {
      data: { requestId: crypto.randomUUID(), week: shown, unit: unit.code, action },
    });
    if (answer.status() !== 200) throw new Error(`${action} ${unit.code} ${shown}: ${await answer.text()}`);
  };
  await act(officer, "submit");
  await act(approver, "approve");
  return { week: shown, undo: () => act(approver, "unlock") };
}
