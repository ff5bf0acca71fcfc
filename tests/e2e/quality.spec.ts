import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { httpClient, signedInPage } from "./staff";

// A commune's typo (one extra zero) from entry to the public ranking. canbo.xa works for
// Phường Ba Đình (00004), canbo.hanoi for Hà Nội above it. The public sees approved figures
// only, so the typo does not move it; the province sees the flag with its reason while
// approving and returns the report with a reason; the unit is told why, corrects and sends it
// again; once approved, the public ranking moves by exactly the correction. The week before
// the latest is used (the other specs work on the latest), and everything is put back at the end.

const INTAKE = "Hồ sơ cấp CCCD gắn chip đã thu nhận";
const REASON = "Số thu nhận gấp mười tuần trước, kiểm tra lại sổ tiếp nhận";

/** The Sunday a week before the latest one, in Vietnam's time. */
function lastButOneWeek(): string {
  const today = new Date(Date.now() + 7 * 3_600_000);
  const sunday = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - today.getUTCDay()),
  );
  return new Date(sunday.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
}

const count = (text: string) => Number(text.replace(/\D/g, ""));

async function saveIntake(page: Page, value: string) {
  await page.getByLabel(INTAKE).fill(value);
  await page.getByRole("button", { name: "Lưu số liệu" }).click();
  const dialog = page.getByRole("alertdialog");
  const saved = page.getByRole("status").filter({ hasText: "Đã lưu 1 số liệu" });
  await expect(dialog.or(saved)).toBeVisible();
  if (await dialog.isVisible()) await dialog.getByRole("button", { name: "Vẫn lưu" }).click();
  await expect(saved).toBeVisible();
}

type Item = { code: string; value: number | null; officialAsOf?: string | null; approved?: boolean };

/** A unit's line in a ranking of the API as the given client gets it (anonymous: the official basis). */
async function itemOf(client: APIRequestContext, query: string, code: string): Promise<Item & { basis: string }> {
  const answer = await client.get(`/api/v1/rankings?indicator=CCCD_INTAKE&${query}`);
  expect(answer.status(), await answer.text()).toBe(200);
  const body = (await answer.json()) as { basis: string; items: Item[] };
  const item = body.items.find((i) => i.code === code);
  if (!item) throw new Error(`${code} is not in ${query}`);
  return { ...item, basis: body.basis };
}

test("a tenfold figure stays off the public ranking, is returned with its flag's reason, and once corrected and approved moves it exactly", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const week = lastButOneWeek();
  const commune = `level=commune&parent=01&asOf=${week}`;
  const province = `level=province&asOf=${week}`;
  const publicCommune = await itemOf(request, commune, "00004");
  const publicProvince = await itemOf(request, province, "01");
  expect(publicCommune.basis).toBe("official");
  // The demo approves every week but the last two: the public figure is an earlier week's.
  expect(publicCommune.officialAsOf && publicCommune.officialAsOf < week).toBe(true);

  const officer = await signedInPage(browser, "canbo.xa");
  await officer.goto(`/nhap-lieu?week=${week}`);
  const original = await officer.getByLabel(INTAKE).inputValue();
  expect(count(original)).toBeGreaterThan(0);
  const tenfold = (count(original) * 10).toLocaleString("vi-VN");
  const corrected = count(original) + 50;
  const hanoi = await httpClient(baseURL as string, "canbo.hanoi");
  try {
    await saveIntake(officer, tenfold);
    const submit = officer.getByRole("button", { name: "Gửi báo cáo" });
    if (await submit.isVisible()) await submit.click();
    await expect(officer.getByText("Đã gửi, chờ duyệt")).toBeVisible();

    // Live, the staff see the typo, marked as not approved; the public ranking has not moved.
    expect(await itemOf(hanoi, `${commune}&basis=live`, "00004")).toMatchObject({
      value: count(tenfold),
      approved: false,
    });
    expect(await itemOf(request, commune, "00004")).toEqual(publicCommune);
    expect(await itemOf(request, province, "01")).toEqual(publicProvince);
    expect((await request.get(`/api/v1/rankings?indicator=CCCD_INTAKE&${commune}&basis=live`)).status()).toBe(403);

    // The province sees the flag with its reason while approving, and returns the report.
    const approver = await signedInPage(browser, "canbo.hanoi");
    await approver.setViewportSize({ width: 1366, height: 900 });
    await approver.goto(`/nhap-lieu?week=${week}`);
    const row = approver.locator('tr[data-unit="00004"]');
    const note = row.locator("[data-flag-notes]").first();
    await expect(note).toContainText(`${INTAKE}: tăng`);
    await expect(note).toContainText(`lên ${tenfold}`);
    await expect(note).toContainText("điểm z hiệu chỉnh");
    await row.getByRole("button", { name: "Phê duyệt" }).click();
    const dialog = approver.getByRole("alertdialog");
    await expect(dialog).toContainText("Phường Ba Đình – Hồ sơ cấp CCCD gắn chip đã thu nhận");
    await expect(dialog).toContainText(`⚑ ${INTAKE}: tăng`);
    await dialog.getByRole("button", { name: "Quay lại" }).click();
    await expect(row).toContainText("Đã gửi, chờ duyệt");
    await row.getByText("Trả lại…").click();
    await row.getByLabel("Lý do trả lại").fill(REASON);
    await row.getByRole("button", { name: "Xác nhận trả lại" }).click();
    await expect(approver.getByText(/Đã trả lại báo cáo tuần/)).toBeVisible();
    await expect(row).toContainText(`Đã trả lại: ${REASON}`);

    // The same flag on the quality page, with the numbers behind it, highest severity first.
    await approver.goto(`/chat-luong?week=${week}&kind=outlier`);
    const flag = approver.locator('li[data-flag="outlier:00004:CCCD_INTAKE"]');
    await expect(flag).toContainText("Cao · Tăng bất thường");
    await expect(flag).toContainText(`lên ${tenfold}`);

    // The unit is told who returned it and why, corrects the figure and sends the report again.
    await officer.goto(`/nhap-lieu?week=${week}`);
    await expect(officer.getByRole("status").filter({ hasText: REASON })).toContainText("đã trả lại báo cáo");
    await saveIntake(officer, corrected.toLocaleString("vi-VN"));
    await officer.getByRole("button", { name: "Gửi báo cáo" }).click();
    await expect(officer.getByText("Đã gửi, chờ duyệt")).toBeVisible();

    await approver.goto(`/nhap-lieu?week=${week}`);
    await row.getByRole("button", { name: "Phê duyệt" }).click();
    const warned = approver.getByRole("alertdialog");
    if (await warned.isVisible()) await warned.getByRole("button", { name: "Vẫn phê duyệt" }).click();
    await expect(row).toContainText("Đã duyệt");

    // Approved, the public ranking moves by exactly the correction.
    const after = await itemOf(request, commune, "00004");
    expect(after).toMatchObject({ value: corrected, officialAsOf: week });
    expect((await itemOf(request, province, "01")).value).toBe(
      (publicProvince.value as number) + corrected - (publicCommune.value as number),
    );
    await approver.context().close();
  } finally {
    // Back as the demo had it: the week open, its figure the original.
    const act = (action: string, reason?: string) =>
      hanoi.post("/api/v1/entry/reports", {
        data: { requestId: crypto.randomUUID(), week, unit: "00004", action, reason },
      });
    await act("unlock", "Trả lại số liệu mẫu sau kiểm thử");
    await officer.goto(`/nhap-lieu?week=${week}`);
    await saveIntake(officer, original);
    await expect(officer.getByLabel(INTAKE)).toHaveValue(original);
    await act("return", "Trả lại số liệu mẫu sau kiểm thử");
    await officer.context().close();
    await hanoi.dispose();
  }
});
