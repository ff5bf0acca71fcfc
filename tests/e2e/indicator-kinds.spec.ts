import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { approveWeek, signedInPage } from "./staff";

// Indicators defined as data: a ratio and a scorecard made in the interface, entered, ranked
// and exported without a line of code or a migration for either.

test("a ministry admin defines a ratio and a scorecard; a commune enters numerator and denominator; the leaderboard ranks by ratio and by score, by quarter too, as its Excel report does", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInPage(browser, "quantri.bo");
  await admin.getByRole("link", { name: "Chỉ số", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Chỉ số đo lường");
  await admin.getByLabel("Mã (chữ in hoa, số, _)").fill("E2E_TY_LE");
  await admin.getByLabel("Tên tiếng Việt").fill("Tỷ lệ hồ sơ thử nghiệm");
  await admin.getByLabel("Loại").selectOption("RATIO");
  // New indicators start on the next week's forms unless told otherwise: this week's, here.
  await admin.getByLabel("Áp dụng từ tuần").selectOption({ index: 0 });
  await admin.getByRole("button", { name: "Tạo chỉ số" }).click();
  await expect(admin.getByRole("status")).toHaveText("Đã tạo chỉ số E2E_TY_LE.");
  await expect(admin.getByRole("row", { name: /E2E_TY_LE/ })).toContainText("Tỷ lệ (tử số / mẫu số)");

  await admin.getByLabel("Mã (chữ in hoa, số, _)").fill("E2E_DIEM");
  await admin.getByLabel("Tên tiếng Việt").fill("Bộ chỉ số thử nghiệm");
  await admin.getByLabel("Loại").selectOption("COMPOSITE");
  await admin.getByLabel("Thành phần và điểm tối đa 1").selectOption("E2E_TY_LE");
  await admin.getByLabel("Điểm 1").fill("60");
  await admin.getByLabel("Thành phần và điểm tối đa 2").selectOption("BHYT_SYNC");
  await admin.getByLabel("Điểm 2").fill("40");
  await admin.getByRole("button", { name: "Tạo chỉ số" }).click();
  await expect(admin.getByRole("status")).toHaveText("Đã tạo chỉ số E2E_DIEM.");
  await expect(admin.getByRole("row", { name: /E2E_DIEM/ })).toContainText(
    "E2E_TY_LE 60 + BHYT_SYNC 40 (tổng 100 điểm; 80 / 90 %)",
  );
  // A part that does not exist is refused with what to fix.
  await admin.getByLabel("Mã (chữ in hoa, số, _)").fill("E2E_MOT");
  await admin.getByLabel("Tên tiếng Việt").fill("Chỉ một thành phần");
  await admin.getByLabel("Thành phần và điểm tối đa 1").selectOption("E2E_TY_LE");
  await admin.getByLabel("Điểm 1").fill("10");
  await admin.getByRole("button", { name: "Tạo chỉ số" }).click();
  await expect(admin.getByText(/^Bộ chỉ số cần ít nhất 2 thành phần/)).toBeVisible();

  // The commune types the numerator and the denominator side by side, checked as typed.
  const commune = await signedInPage(browser, "canbo.xa");
  const numerator = commune.getByLabel("Tỷ lệ hồ sơ thử nghiệm: tử số");
  const denominator = commune.getByLabel("Tỷ lệ hồ sơ thử nghiệm: mẫu số");
  await numerator.fill("90");
  await expect(commune.getByText("Nhập cả mẫu số.")).toBeVisible();
  await denominator.fill("80");
  await expect(commune.getByText("Tử số lớn hơn mẫu số (80).")).toBeVisible();
  await denominator.fill("120");
  await expect(commune.getByText("Tử số lớn hơn mẫu số")).toHaveCount(0);
  await commune.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(commune.getByRole("status")).toContainText("Đã lưu 1 số liệu");
  // The leaderboard shows approved weeks: the province approves the commune's week.
  const approval = await approveWeek(baseURL as string, {
    code: "00004",
    officer: "canbo.xa",
    approver: "quantri.hanoi",
  });
  test.info().annotations.push({ type: "approved week", description: approval.week });

  // The leaderboard ranks by ratio: Hà Nội alone has one, 90/120 = 75 %.
  const page = await browser.newPage();
  await page.goto("/?indicator=E2E_TY_LE");
  const rows = page.locator("section[aria-labelledby=ranking-heading] tbody tr");
  await expect(page.getByRole("columnheader", { name: "Tử số/mẫu số" })).toBeVisible();
  await expect(rows.first()).toContainText("Hà Nội");
  await expect(rows.first()).toContainText("90/120");
  await expect(rows.first()).toContainText("75,00 %");
  await expect(page.getByText("90/120").first()).toBeVisible();

  // ...and by score: 60 × 75 % = 45 points and more for Hà Nội, at most 40 for any other.
  await page.goto("/?indicator=E2E_DIEM");
  await expect(page.getByRole("columnheader", { name: "Điểm", exact: true })).toBeVisible();
  await expect(rows.first()).toContainText("Hà Nội");
  const scores = async () =>
    (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2]?.textContent?.trim() ?? ""))).map(
      (text) => (text === "–" ? null : Number(text.split("/")[0]?.replace(/\./g, "").replace(",", "."))),
    );
  const ranked = (await scores()).filter((s) => s !== null) as number[];
  expect(ranked[0]).toBeGreaterThanOrEqual(45);
  expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  // The leader's weeks in a row at the top, as the API counts them, and the provinces'
  // communes in the top band.
  await expect(page.getByRole("columnheader", { name: "Xã đạt ≥ 90 % điểm" })).toBeVisible();
  const csvLink = (await page.getByRole("link", { name: /CSV/ }).getAttribute("href")) as string;
  // The people's CSV names the same ranking the API answers.
  const top = (await (await page.request.get(csvLink.replace("/api/v1/exports/ranking", "/api/v1/rankings"))).json())
    .items[0];
  expect(top).toMatchObject({ code: "01", rank: 1 });
  expect(top.periodsAtTop).toBeGreaterThanOrEqual(1);
  await expect(rows.first()).toContainText(`đứng đầu ${top.periodsAtTop} tuần liên tiếp`);
  await expect(rows.first().locator("td").last()).toHaveText(`${top.childrenDone}/${top.childrenTotal}`);
  await page.screenshot({ path: "test-reports/screenshots/leaderboard-scorecard.png", fullPage: true });

  // A quarter, and its Excel report row by row.
  const quarter = (await page.locator('optgroup[label="Quý"] option').first().getAttribute("value")) as string;
  await page.getByRole("combobox", { name: "Kỳ báo cáo" }).selectOption(quarter);
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${quarter.replace(":", "%3A")}`));
  await expect(page.getByRole("columnheader", { name: "Tăng trong kỳ" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Báo cáo kỳ này, mọi chỉ tiêu (Excel)" }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets.find((s) =>
    String(s.getCell("A1").value).startsWith("Bộ chỉ số thử nghiệm"),
  ) as ExcelJS.Worksheet;
  expect(sheet.getRow(3).getCell(4).value).toBe("Điểm");
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
  );
  expect(shown).toHaveLength(34);
  for (const [i, cells] of shown.entries()) {
    const row = sheet.getRow(4 + i);
    expect(cells[0]).toMatch(new RegExp(`^${row.getCell(1).value ?? "–"}`));
    expect(cells[1]).toContain(String(row.getCell(3).value));
    const score = row.getCell(4).value as number | null;
    expect(cells[2]).toBe(score === null ? "–" : `${score.toLocaleString("vi-VN", { maximumFractionDigits: 2 })}/100`);
  }
  // Each part of a score is named by its component, not by a bare fraction.
  await expect(rows.first()).toContainText("Tỷ lệ hồ sơ thử nghiệm");
  // The country's line of a scorecard: the provinces' mean, the leader, how many reach the top band.
  const country = page.getByRole("region", { name: "Cả nước", exact: true });
  await expect(country).toContainText("Dẫn đầu");
  await expect(country).toContainText("Hà Nội");
  await expect(country).toContainText(/Tỉnh đạt nhóm cao nhất \(≥ 90 %\)\s*\d+\/34/);
  await approval.undo();
});
