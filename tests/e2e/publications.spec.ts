import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { httpClient, signedInPage } from "./staff";

// The ministry publishes the week's official ranking; a commune's week of that edition is
// approved, unlocked with a reason (without JavaScript, as a plain form) and its figure
// corrected; the next edition announces the correction on the public pages. The commune is
// one of Cao Bằng (04), whose weeks no other spec uses.

const SHOTS = "test-reports/screenshots";
const REASON = "Xã cộng thiếu hồ sơ của tổ công tác lưu động; sửa theo sổ thu nhận.";

type Cell = { value: number | null; version: number };

/** Presses "Công bố" and waits for the answer `expected` says (the page's notice, once the rankings are stored). */
async function publish(admin: Page, expected: RegExp): Promise<string> {
  await admin.goto("/cong-bo");
  await admin.getByRole("button", { name: "Công bố", exact: true }).click();
  const notice = admin.getByText(expected);
  await expect(notice).toBeVisible({ timeout: 120_000 });
  return (await notice.textContent()) as string;
}

async function cellOf(api: APIRequestContext, unit: string, week: string): Promise<Cell> {
  const sheet = await (await api.get(`/api/v1/entry/sheet?${new URLSearchParams({ unit, week })}`)).json();
  return sheet.own.cells.CCCD_INTAKE as Cell;
}

async function save(api: APIRequestContext, unit: string, week: string, value: number, version: number) {
  const response = await api.post("/api/v1/entry/figures", {
    data: { requestId: randomUUID(), week, entries: [{ unit, indicator: "CCCD_INTAKE", value, version }] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test("a ministry admin publishes; a correction after an unlock with a reason is announced by the next edition", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const admin = await signedInPage(browser, "quantri.bo");
  const api = await httpClient(baseURL as string, "quantri.bo");
  const anonymous = await httpClient(baseURL as string);

  // The demo published the latest week that fell due: publishing it again changes nothing.
  const editions = await (await anonymous.get("/api/v1/publications")).json();
  const { number: latest, week } = editions.items[0] as { number: number; week: string };
  const first = await publish(
    admin,
    new RegExp(`(bản công bố số ${latest}; không tạo bản mới|Đã công bố bản số ${latest + 1})`),
  );
  const published = Number(/số (\d+)/.exec(first)?.[1]);
  await admin.screenshot({ path: `${SHOTS}/publish-page.png`, fullPage: true });

  // A commune of Cao Bằng reports that week and is approved.
  const communes = await (
    await anonymous.get(`/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&parent=04&asOf=${week}`)
  ).json();
  const commune = [...communes.items].sort((a, b) => a.code.localeCompare(b.code))[0] as { code: string; name: string };
  for (const action of ["submit", "approve"])
    expect(
      (
        await api.post("/api/v1/entry/reports", { data: { requestId: randomUUID(), week, unit: commune.code, action } })
      ).status(),
    ).toBe(200);

  // Unlocked from the province's grid with JavaScript off: the reason goes with the plain form.
  const plain = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await admin.context().storageState(),
  });
  const page = await plain.newPage();
  await page.goto(`/nhap-lieu?unit=04&week=${week}`);
  const row = page.locator("tbody tr", { hasText: commune.name });
  await expect(row).toContainText("Đã duyệt, đã khoá");
  await row.getByText("Mở khoá…").click();
  await row.getByLabel("Lý do mở khoá").fill(REASON);
  await page.screenshot({ path: `${SHOTS}/unlock-reason.png` });
  await row.getByRole("button", { name: "Xác nhận mở khoá" }).click();
  await expect(page.getByText(/Đã mở khoá báo cáo tuần/)).toBeVisible();
  await expect(page.locator("tbody tr", { hasText: commune.name })).not.toContainText("Đã duyệt, đã khoá");
  await plain.close();
  // An unlock without a reason is refused, with a message saying what is needed.
  const bare = await api.post("/api/v1/entry/reports", {
    data: { requestId: randomUUID(), week, unit: commune.code, action: "unlock" },
  });
  expect(bare.status()).toBeGreaterThanOrEqual(400);
  expect(bare.status()).toBeLessThan(500);

  // The commune's intake is corrected, then the week published again.
  const before = await cellOf(api, commune.code, week);
  const corrected = (before.value ?? 0) + 11;
  await save(api, commune.code, week, corrected, before.version);
  // Sent and approved again, as a corrected week is (the official ranking reads approved weeks).
  for (const action of ["submit", "approve"])
    expect(
      (
        await api.post("/api/v1/entry/reports", { data: { requestId: randomUUID(), week, unit: commune.code, action } })
      ).status(),
    ).toBe(200);
  const second = await publish(admin, new RegExp(`Đã công bố bản số ${published + 1}`));
  expect(second).toMatch(/kèm \d+ đính chính/);

  // The leaderboard names the new edition; its page lists the correction with who and why.
  const board = await browser.newPage();
  await board.goto("/");
  const line = board.getByRole("region", {
    name: new RegExp(`Bản công bố số ${published + 1}, \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}`),
  });
  await expect(line).toBeVisible();
  await expect(line).toContainText("đính chính");
  await board.screenshot({ path: `${SHOTS}/edition-on-leaderboard.png` });
  await line.getByRole("link", { name: new RegExp(`Bản công bố số ${published + 1}`) }).click();
  await expect(board).toHaveURL(new RegExp(`/ban-cong-bo/${published + 1}$`));
  const notice = board.getByRole("listitem").filter({ hasText: commune.name }).filter({ hasText: REASON });
  await expect(notice).toContainText(
    `${(before.value ?? 0).toLocaleString("vi-VN")} → ${corrected.toLocaleString("vi-VN")}`,
  );
  await expect(notice).toContainText(`lý do mở khoá: ${REASON}`);
  await board.screenshot({ path: `${SHOTS}/edition-page.png`, fullPage: true });
  // Earlier editions stay as they were, listed and downloadable.
  await board.goto("/ban-cong-bo");
  await expect(board.getByRole("link", { name: String(published) })).toBeVisible();
  const csv = await anonymous.get(`/api/v1/publications/${published}/export?indicator=CCCD_INTAKE&level=province`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Hạng;Mã;Đơn vị");

  // Put the figure back as it was and the week open again (a later edition would announce that too).
  const reopened = await api.post("/api/v1/entry/reports", {
    data: { requestId: randomUUID(), week, unit: commune.code, action: "unlock", reason: "Trả lại số liệu mẫu" },
  });
  expect(reopened.status()).toBe(200);
  await save(api, commune.code, week, before.value ?? 0, (await cellOf(api, commune.code, week)).version);
  await board.close();
  await admin.context().close();
});

test("the edition pages and the publish page have no serious accessibility violations", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const serious = async (on: Page) =>
    (await new AxeBuilder({ page: on }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
  for (const path of ["/ban-cong-bo", "/ban-cong-bo/1", "/ban-cong-bo/1?lang=en&indicator=BO_CHI_SO_PVND"]) {
    await page.goto(path);
    await page.locator("main").waitFor();
    expect(await serious(page), path).toEqual([]);
  }
  const admin = await signedInPage(browser, "quantri.bo");
  await admin.goto("/cong-bo");
  expect(await serious(admin)).toEqual([]);
  await admin.context().close();
});
