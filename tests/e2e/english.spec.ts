import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";
import { signedInPage } from "./staff";

test("the English switch translates the leaderboard and the unit page, and the URL keeps it", async ({ page }) => {
  await page.goto("/?structure=34");
  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page).toHaveURL(/structure=34/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Chip-based citizen ID cards and electronic identification: progress",
  );
  await expect(page.locator("#ranking-heading")).toContainText(/34 provinces, as of \d{1,2} [A-Z][a-z]{2} \d{4}/);
  const first = page.locator("section[aria-labelledby=ranking-heading] tbody tr").first();
  // English numbers: 1,234,567 and 98.60%.
  await expect(first).toContainText(/\d{1,3}(,\d{3})+/);
  await expect(first).toContainText(/\d{1,3}\.\d{2}%/);
  await expect(page.getByRole("columnheader", { name: "Communes done" })).toBeVisible();

  // Choosing another indicator keeps the language; reloading restores it.
  await page.getByRole("combobox", { name: "Indicator" }).selectOption({ index: 2 });
  await expect(page).toHaveURL(/indicator=.*lang=en|lang=en.*indicator=/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Map of percent of target" })).toBeVisible();

  await page.goto("/?lang=en");
  await page.locator("section[aria-labelledby=ranking-heading] tbody tr a").first().click();
  await expect(page).toHaveURL(/\/units\/\d{2}\?.*lang=en/);
  await expect(page.getByRole("heading", { name: "Progress against target" })).toBeVisible();
  await expect(page.getByText("National rank")).toBeVisible();
  await page.getByRole("link", { name: "Chuyển sang tiếng Việt" }).click();
  await expect(page.getByRole("heading", { name: "Diễn biến so với chỉ tiêu" })).toBeVisible();
  await expect(page).not.toHaveURL(/lang=en/);
});

test("saving a picture on a weak link says in English what to do when its drawing code cannot load", async ({
  page,
}) => {
  await page.goto("/?lang=en", { waitUntil: "networkidle" });
  // The page is loaded; the connection drops before the first click fetches the drawing code.
  await page.route("**/_next/static/**", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Download the map (PNG)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "picture" })).toHaveText(
    "The picture maker did not load; check the connection, then click again.",
  );
});

test("the public pages lead staff to a working sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Cán bộ đăng nhập" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.getByLabel("Tên đăng nhập").fill("canbo.xacu");
  await page.getByLabel("Mật khẩu").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu/);
  await page.goto("/units/01?lang=en");
  await expect(page.getByRole("link", { name: "Staff sign-in" })).toHaveAttribute(
    "href",
    "/ngon-ngu?lang=en&next=%2Fdang-nhap",
  );
});

test("staff pages in English: the public page's English sign-in, the dashboard, and the switch back", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.goto("/?lang=en");
  await page.getByRole("link", { name: "Staff sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
  await page.getByLabel("Username").fill("lanhdao.bo");
  await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dieu-hanh/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard – Whole country");
  await expect(page.getByRole("navigation", { name: "Sections" })).toContainText("Leaderboard");
  await expect(page.getByText("Leadership (read only)")).toBeVisible();
  await expect(
    page.getByRole("heading", {
      name: /^Reports for the week ending \d{1,2} [A-Z][a-z]{2} \d{4} – submission was due \d{2}:\d{2} /,
    }),
  ).toBeVisible();
  await expect(
    page.getByText(/^Due for submission \d{2}:\d{2} [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]{2} \d{4} /).first(),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Provinces ranked" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Percent" })).toBeVisible();
  // English numbers in the headline: 1,234,567.
  await expect(page.getByRole("region", { name: "Key figures" })).toContainText(/\d{1,3}(,\d{3})+/);
  await expect(page.locator("main")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: "test-reports/screenshots/staff-english-dashboard.png", fullPage: true });

  // The choice is the staff pages' own: the public leaderboard stays Vietnamese without ?lang=en.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Switch to English" })).toBeVisible();

  await page.goto("/dieu-hanh?indicator=CCCD_ISSUED");
  await page.getByRole("link", { name: "Chuyển sang tiếng Việt" }).click();
  await expect(page).toHaveURL(/\/dieu-hanh\?indicator=CCCD_ISSUED/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Toàn quốc");
  await context.close();
});

test("the staff language switch takes only vi or en and never sends anyone off the site", async ({ request }) => {
  const wrong = await request.get("/ngon-ngu?lang=fr&next=/dieu-hanh", { maxRedirects: 0 });
  expect(wrong.status()).toBe(400);
  expect(await wrong.json()).toEqual({
    error: { code: "invalid_param", param: "lang", message: "lang phải là vi (tiếng Việt) hoặc en (English)." },
  });
  const away = await request.get("/ngon-ngu?lang=en&next=//evil.example/x", { maxRedirects: 0 });
  expect(away.status()).toBe(303);
  expect(away.headers().location).toBe("/dieu-hanh");
  expect(away.headers()["set-cookie"]).toMatch(/de-an-06-ngon-ngu=en; Path=\/; .*SameSite=lax/i);
});

test("the staff pages in English: the entry grid's words, indicator names and statuses, and every other page", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "quantri.hanoi");
  await page.goto("/ngon-ngu?lang=en&next=/nhap-lieu");
  await expect(page).toHaveURL(/\/nhap-lieu$/);
  await expect(
    page.getByText(
      /^Figures for the week ending Sunday \d{1,2} [A-Z][a-z]{2} \d{4} · figures from \d+\/126 units, \d+\/126 reports submitted$/,
    ),
  ).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Unit/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Chip ID-card applications received/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save figures" })).toBeDisabled();
  await expect(page.getByText("No unsaved changes.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^Total of 126 units/ })).toBeVisible();
  await expect(page.getByText("Not submitted").first()).toBeVisible();
  await page.screenshot({ path: "test-reports/screenshots/staff-english-entry.png" });
  for (const [path, heading] of [
    ["/chi-tieu", /^Assign targets – /],
    ["/nhap-tep", /^Import figures or targets from a file$/],
    ["/tai-khoan", /^Accounts you manage$/],
    ["/nhat-ky", /^Change log$/],
    ["/doi-mat-khau", /^Change password$/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.locator("main")).toHaveAttribute("lang", "en");
  }
  await page.goto("/ngon-ngu?lang=vi&next=/nhap-lieu");
  await expect(page.getByRole("button", { name: "Lưu số liệu" })).toBeVisible();
  await page.context().close();
});
