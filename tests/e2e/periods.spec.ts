import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signedInPage } from "./staff";

// The official reporting calendar: periods cut off on the 14th (Nghị định 09/2019/NĐ-CP).

test("the leaderboard ranks a quarter, with its dates and increase, and the Excel report for it matches the table", async ({
  page,
}) => {
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Kỳ báo cáo" });
  const quarter = (await page.locator('optgroup[label="Quý"] option').first().getAttribute("value")) as string;
  expect(quarter).toMatch(/^quarter:\d{4}-Q[1-4]$/);
  await picker.selectOption(quarter);
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${quarter.replace(":", "%3A")}`));
  await expect(page.getByText(/^Quý (I|II|III|IV)\/\d{4}: từ 15\/\d{2}\/\d{4} đến 14\/\d{2}\/\d{4}$/)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Tăng trong kỳ" })).toBeVisible();
  const rows = page.locator("section[aria-labelledby=ranking-heading] tbody tr");
  await expect(rows).toHaveCount(34);
  await page.screenshot({ path: "test-reports/screenshots/leaderboard-quarter.png", fullPage: true });

  // The API answers the same period with its dates.
  const api = await page.request.get(`/api/v1/rankings?indicator=CCCD_INTAKE&level=province&period=${quarter}`);
  const ranking = (await api.json()) as {
    periodStart: string;
    periodEnd: string;
    items: { code: string; name: string; value: number; change: number | null; rank: number }[];
  };
  expect(ranking.periodStart).toMatch(/-15$/);
  expect(ranking.periodEnd).toMatch(/-14$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Báo cáo kỳ này, mọi chỉ tiêu (Excel)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bao-cao-${quarter.replace(":", "-")}-toan-quoc.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets.find((s) =>
    String(s.getCell("A1").value).startsWith("Hồ sơ cấp CCCD"),
  ) as ExcelJS.Worksheet;
  expect(String(sheet.getCell("A1").value)).toMatch(/Quý (I|II|III|IV)\/\d{4} \(15\/\d{2}\/\d{4}–14\/\d{2}\/\d{4}\)/);
  expect(sheet.getRow(3).getCell(7).value).toBe("Tăng trong kỳ");
  // Every row of the table is in the workbook, in the same order, with the same numbers.
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
  );
  for (const [i, cells] of shown.entries()) {
    const row = sheet.getRow(4 + i);
    expect(cells[1]).toContain(String(row.getCell(3).value));
    expect(cells[2]).toBe(Number(row.getCell(4).value).toLocaleString("vi-VN"));
    const change = row.getCell(7).value as number | null;
    expect(cells[3]).toBe(change === null ? "–" : `${change >= 0 ? "+" : ""}${change.toLocaleString("vi-VN")}`);
    const item = ranking.items[i];
    expect(item && [item.name, item.value, item.change]).toEqual([row.getCell(3).value, row.getCell(4).value, change]);
  }
});

test("a period that has not begun, or one the page cannot read, falls back to the latest week", async ({ page }) => {
  await page.goto("/?period=year:2199");
  await expect(page.getByRole("columnheader", { name: "Tăng trong kỳ" })).toHaveCount(0);
  await expect(page.getByRole("slider")).toBeVisible();
  const api = await page.request.get("/api/v1/rankings?indicator=CCCD_INTAKE&period=month:2023-13");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.param).toBe("period");
});

test("the dashboard takes a reporting period too", async ({ browser }) => {
  const page = await signedInPage(browser, "lanhdao.bo");
  await page.goto("/dieu-hanh");
  const month = (await page.locator('optgroup[label="Tháng"] option').nth(1).getAttribute("value")) as string;
  await page.getByRole("combobox", { name: "Kỳ báo cáo" }).selectOption(month);
  await page.getByRole("button", { name: "Xem", exact: true }).last().click();
  await expect(page).toHaveURL(new RegExp(`period=${month.replace(":", "%3A")}`));
  await expect(page.getByText(/^Tháng \d{1,2}\/\d{4}: từ 15\/\d{2}\/\d{4} đến 14\/\d{2}\/\d{4}$/)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Tăng trong kỳ" })).toBeVisible();
  // A month that has ended is shown as of its last day, the 14th.
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText(/tính đến 14\/\d{2}\/\d{4}/);
  await expect(page.getByRole("link", { name: "Tải báo cáo tuần, mọi chỉ tiêu (Excel)" })).toHaveAttribute(
    "href",
    `/api/v1/exports/weekly?period=${month.replace(":", "%3A")}`,
  );
  await page.context().close();
});
