import { expect, test } from "@playwright/test";
import { signedInPage } from "./staff";

const number = (text: string) => Number(text.replace(/\./g, ""));
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

test("a province cuts a commune's target and sees the shortfall against its own target", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.goto("/chi-tieu?indicator=CCCD_INTAKE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giao chỉ tiêu – Thành phố Hà Nội");
  // The demo's parents start with the sum of their children's targets; a rerun starts lower.
  const difference = number(((await page.getByTestId("target-difference").textContent()) ?? "").replace("+", ""));
  const shortfall = `Tổng chỉ tiêu cấp dưới thấp hơn chỉ tiêu được giao ${grouped(100 - difference)}.`;
  const input = page.getByLabel(/^Chỉ tiêu mới của /).first();
  const before = number(await input.inputValue());
  await input.fill(String(before - 100));
  // Worked out while typing, before anything is saved.
  await expect(page.getByText(shortfall)).toBeVisible();
  await page.getByRole("button", { name: "Giao chỉ tiêu (1 đơn vị)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Điền hạn hoàn thành" })).toBeVisible();
  await page.getByLabel("Hạn hoàn thành").fill("2027-12-31");
  await page.getByLabel("Văn bản giao chỉ tiêu").fill("Điện số 99/HT");
  await page.getByRole("button", { name: "Giao chỉ tiêu (1 đơn vị)" }).click();
  // After saving the page shows what the database holds: the new target with its directive.
  await expect(page.locator("tbody tr").first()).toContainText("31/12/2027 · Điện số 99/HT");
  await expect(page.getByText(shortfall)).toBeVisible();
});

test("an uploaded file is checked row by row before anything is written, then imported", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.xa");
  const code = "00004"; // canbo.xa's own commune, Phường Ba Đình
  await page.goto("/nhap-tep");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập số liệu hoặc chỉ tiêu từ tệp");
  // A commune does not assign targets.
  await expect(page.getByLabel("Chỉ tiêu giao cho cấp dưới")).toBeDisabled();
  const week = await page.evaluate(() => {
    const now = new Date(new Date().toLocaleString("en-US", { timeZone: "Asia/Ho_Chi_Minh" }));
    now.setDate(now.getDate() - now.getDay());
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  });
  const file = (rows: string[]) => ({
    name: "so-lieu.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["unit_code,indicator,as_of,value", ...rows].join("\n")),
  });

  await page
    .getByLabel(/Tệp \.csv hoặc \.xlsx/)
    .setInputFiles(file([`${code},CCCD_INTAKE,${week},987654`, `${code},CCCD_INTAKE,${week},12x`]));
  await page.getByRole("button", { name: "Kiểm tra tệp (chưa ghi)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 lỗi trong 2 dòng. Chưa ghi gì." })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toContainText("3");
  await expect(page.getByRole("button", { name: /^Nhập .* vào hệ thống$/ })).toHaveCount(0);

  await page.getByLabel(/Tệp \.csv hoặc \.xlsx/).setInputFiles(file([`${code},CCCD_ISSUED,${week},987654`]));
  await page.getByRole("button", { name: "Kiểm tra tệp (chưa ghi)" }).click();
  await expect(page.getByText("1 dòng số liệu hợp lệ")).toBeVisible();
  await page.getByRole("button", { name: "Nhập 1 dòng vào hệ thống" }).click();
  await expect(page.getByText(/Đã nhập 1 dòng số liệu/)).toBeVisible();

  await page.goto(`/nhat-ky?unit=${code}`);
  await expect(page.locator("tbody tr", { hasText: "987.654" })).toHaveCount(1);
});
