import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";
import { signedInPage } from "./staff";

test("national leadership lands on the dashboard: headline, trend with forecast, 34 provinces ranked, completeness", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "lanhdao.bo");
  await expect(page).toHaveURL(/\/dieu-hanh$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Toàn quốc");
  const headline = page.getByRole("region", { name: "Số liệu chính" });
  await expect(headline).toContainText(/Tỷ lệ hoàn thành\s*\d{1,3},\d{2} %/);
  await expect(headline).toContainText(/Đơn vị đã đạt\s*\d+\/34/);
  await expect(page.getByRole("img", { name: /Biểu đồ .* của Toàn quốc/ })).toBeVisible();
  await expect(page.locator("#children-heading + div tbody tr")).toHaveCount(34);
  // Staff pages are in the product's typeface: its Latin and Vietnamese files, not Latin Extended.
  const loadedRanges = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replaceAll('"', "") === "Be Vietnam Pro" && f.status === "loaded")
      .map((f) => f.unicodeRange);
  });
  expect(loadedRanges.some((range) => range.includes("1EA0"))).toBe(true);
  expect(loadedRanges.some((range) => range.includes("A720"))).toBe(false);
  // Today's week is rarely due yet: the reports shown are the last week that fell due, and
  // the demo's provinces submitted none, so every one of them is named late.
  const due = page.getByRole("region", {
    name: /^Báo cáo tuần kết thúc \d{2}\/\d{2}\/\d{4} – hạn gửi \d{2}:\d{2} .+ \d{2}\/\d{2}\/\d{4} đã qua$/,
  });
  await expect(due).toContainText("Quá hạn (34):");
  await expect(due).not.toContainText("Chưa đơn vị nào quá hạn");
  await expect(due.getByRole("list", { name: "Đơn vị quá hạn báo cáo" }).getByRole("listitem")).toHaveCount(10);
  await due.getByText("Xem tất cả 34 đơn vị quá hạn").click();
  await expect(due.getByRole("listitem")).toHaveCount(34);
  await expect(due.getByRole("link", { name: "Thành phố Hà Nội" })).toBeVisible();
  await due.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await due.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-phone.png" });
  await page.setViewportSize({ width: 1280, height: 720 });
  // Entry pages are not offered to a viewer.
  await expect(page.getByRole("link", { name: "Số liệu tuần" })).toHaveCount(0);

  // The same section in English.
  await page.context().addCookies([{ name: "de-an-06-ngon-ngu", value: "en", url: page.url() }]);
  await page.reload();
  const dueEn = page.getByRole("region", { name: /^Reports for the week ending .+ – submission was due / });
  await expect(dueEn).toContainText("Late (34):");
  await dueEn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-en.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await dueEn.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-late-week-en-phone.png" });
});

test("a province's leadership sees its communes and cannot open another province", async ({ browser }) => {
  const page = await signedInPage(browser, "lanhdao.hanoi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Điều hành – Thành phố Hà Nội");
  await expect(page.getByRole("heading", { name: "Xếp hạng xã, phường" })).toBeVisible();
  const other = await page.goto("/dieu-hanh?unit=79");
  expect(other?.status()).toBe(403);
});

test("national leadership sees what changed: the movers each way with their increase, and who stopped reporting", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "lanhdao.bo");
  const changes = page.getByRole("region", { name: /^Thay đổi trong tuần kết thúc \d{2}\/\d{2}\/\d{4} \(so với / });
  await expect(changes).toBeVisible();
  const up = changes.getByRole("list", { name: "Tiến bộ nhiều nhất" }).getByRole("listitem");
  const down = changes.getByRole("list", { name: "Tiến bộ ít nhất" }).getByRole("listitem");
  await expect(up).toHaveCount(5);
  await expect(down).toHaveCount(5);
  // Each mover: its increase, its change in percent of target, its rank.
  await expect(up.first()).toContainText(/^.+\+[\d.]+ · \+\d+,\d{2} điểm % · hạng \d+/);
  await expect(down.first()).toContainText(/[-+]?[\d.]+ · [-+]?\d+,\d{2} điểm %/);
  await expect(changes).toContainText(/Ngừng báo cáo \(\d+\)/);
  // Every unit's change, ten shown, the rest behind "show all", and a box that narrows them.
  const all = changes.getByRole("list", { name: "Thay đổi của từng đơn vị" });
  await expect(all.first().getByRole("listitem")).toHaveCount(10);
  await changes.getByLabel("Lọc theo tên").fill("ha noi");
  await expect(all.getByRole("listitem")).toHaveCount(1);
  await expect(all.getByRole("link", { name: "Hà Nội", exact: true })).toBeVisible();
  await changes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-reports/screenshots/dashboard-changes.png" });
});

test("in an English-locale browser the date box reads dd/mm/yyyy, and one form opens that date", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill("lanhdao.bo");
  await page.getByLabel("Mật khẩu").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/dieu-hanh$/);
  const box = page.getByLabel("Tính đến ngày");
  await expect(box).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(box).toHaveAttribute("placeholder", "dd/mm/yyyy");
  // One "Xem" for the indicator, the date and the period.
  await expect(page.getByRole("button", { name: "Xem", exact: true })).toHaveCount(1);
  await box.fill("29/06/2025");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/date=29%2F06%2F2025/);
  await expect(page.getByText(/, tính đến 29\/06\/2025/)).toBeVisible();
  await expect(page.getByLabel("Tính đến ngày")).toHaveValue("29/06/2025");
  // A date that is not one is named, not a failure.
  await page.goto("/dieu-hanh?date=31%2F02%2F2026");
  await expect(page.getByRole("alert").filter({ hasText: "Ngày “31/02/2026” không đọc được" })).toBeVisible();
  await context.close();
});

test("a district officer of a district abolished in 2025 is told why the figures stop and what to do", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "canbo.huyen");
  await page.goto("/dieu-hanh");
  await expect(page.getByRole("status").filter({ hasText: "đã kết thúc hoạt động từ 01/07/2025" })).toContainText(
    /số liệu của (quận|huyện|thị xã|thành phố) dừng ở tuần 29\/06\/2025\. Liên hệ quản trị tỉnh để được chuyển tài khoản sang đơn vị mới\./,
  );
});

test("the targets page on a phone shows the first unit's new-target box within the screen", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/chi-tieu?indicator=CCCD_INTAKE");
  const input = page.getByLabel(/^Chỉ tiêu mới của /).first();
  await expect(input).toBeVisible();
  const box = await input.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-reports/screenshots/targets-phone.png" });
});
