import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { httpClient, signedInPage } from "./staff";

// The written weekly report: for signed-in staff only, within their own scope, and a click
// away on the dashboard.

test("the report answers 401 to anyone not signed in and 403 outside the user's scope", async ({ baseURL }) => {
  const anonymous = await httpClient(baseURL as string);
  expect((await anonymous.get("/api/v1/reports/weekly?unit=01")).status()).toBe(401);
  const otherProvince = await httpClient(baseURL as string, "canbo.tinhkhac");
  expect((await otherProvince.get("/api/v1/reports/weekly?unit=01")).status()).toBe(403);
  const wrong = await otherProvince.get("/api/v1/reports/weekly?week=2026-02-30");
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error).toMatchObject({ param: "week" });
  await Promise.all([anonymous.dispose(), otherProvince.dispose()]);
});

test("a province officer downloads the province's report from the dashboard", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.goto("/dieu-hanh");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Tải báo cáo \(Word/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bao-cao-tuan-01-\d{4}-\d{2}-\d{2}\.docx$/);
  await download.saveAs("test-reports/bao-cao-tuan-ha-noi.docx");
  expect(readFileSync("test-reports/bao-cao-tuan-ha-noi.docx").subarray(0, 2).toString("latin1")).toBe("PK");
  await page.context().close();
});
