import { expect, type Page, test } from "@playwright/test";
import { signedInPage } from "./staff";

// Hà Nội has 126 communes and wards since the 2025 reorganisation: its entry grid, its unit
// page and the dashboard each list them all.

async function searchAndSortGrid(page: Page) {
  const rows = page.locator("tbody tr[data-unit]");
  await expect(rows).toHaveCount(126);
  const search = page.getByRole("searchbox", { name: "Tìm đơn vị" });
  // Typed without tone marks, as on a phone without a Vietnamese keyboard.
  await search.fill("phuong ba dinh");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Phường Ba Đình");
  await expect(page.getByText("1/126 đơn vị")).toBeVisible();
  await search.fill("khong co ten nay");
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("Không có đơn vị nào có tên khớp “khong co ten nay”.")).toBeVisible();
  await search.fill("");
  await expect(rows).toHaveCount(126);

  const unitHeader = page.getByRole("columnheader", { name: /Đơn vị/ });
  await unitHeader.getByRole("button").click();
  await expect(unitHeader).toHaveAttribute("aria-sort", "ascending");
  const ascending = (await rows.locator("th[scope=row]").allInnerTexts()).map((n) =>
    n.replace(/\s*\(chưa báo cáo\)$/, ""),
  );
  expect(ascending).toEqual(
    [...ascending].sort(new Intl.Collator("vi", { sensitivity: "base", numeric: true }).compare),
  );
  await unitHeader.getByRole("button").click();
  await expect(unitHeader).toHaveAttribute("aria-sort", "descending");
  const descending = (await rows.locator("th[scope=row]").allInnerTexts()).map((n) =>
    n.replace(/\s*\(chưa báo cáo\)$/, ""),
  );
  expect(descending).toEqual([...ascending].reverse());

  // By a figure, largest first: the column's numbers fall.
  const firstIndicator = page.locator("thead th").nth(1);
  await firstIndicator.getByRole("button").click();
  await firstIndicator.getByRole("button").click();
  await expect(firstIndicator).toHaveAttribute("aria-sort", "descending");
  const values = await rows
    .locator("td:nth-child(2) input")
    .evaluateAll((inputs) => inputs.map((input) => Number((input as HTMLInputElement).value.replace(/\./g, "")) || 0));
  expect(values.length).toBe(126);
  expect(values).toEqual([...values].sort((a, b) => b - a));
}

test("the entry grid of 126 communes can be searched by name and sorted by any column", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  await page.goto("/nhap-lieu");
  await searchAndSortGrid(page);

  // The header row stays in view while the table scrolls.
  const frame = page.locator("table").first().locator("xpath=..");
  await frame.evaluate((element) => element.scrollTo(0, 2000));
  expect(await frame.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
  expect((await page.locator("tbody tr[data-unit]").first().boundingBox())?.y ?? 0).toBeLessThan(0);
  const header = await page.locator("thead th").first().boundingBox();
  const box = await frame.boundingBox();
  expect(Math.abs((header?.y ?? 0) - (box?.y ?? 100))).toBeLessThan(3);
  await page.screenshot({ path: "test-reports/screenshots/entry-grid-scrolled.png" });

  // A block pasted into the sorted grid fills the rows as shown, not as they came.
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("phuong");
  const shown = page.locator("tbody tr[data-unit]");
  const secondName = ((await shown.nth(1).locator("th").textContent()) ?? "").replace(/\s*\(chưa báo cáo\)$/, "");
  await shown.first().locator("input").first().focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "111\n222");
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByLabel(`${secondName} – `, { exact: false }).first()).toHaveValue("222");
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("");
});

test("a unit page's 126 communes and the dashboard's can be searched and sorted", async ({ browser }) => {
  const page = await signedInPage(browser, "canbo.hanoi");
  for (const path of ["/units/01", "/dieu-hanh?unit=01"]) {
    await page.goto(path);
    const rows = page.locator("section:has(#children-heading) tbody tr");
    await expect(rows).toHaveCount(126);
    await page.locator("section:has(#children-heading)").getByRole("searchbox").fill("xa soc son");
    await expect(rows).toHaveCount(1);
    await page.locator("section:has(#children-heading)").getByRole("searchbox").fill("");
    const percentHeader = page.locator("section:has(#children-heading) thead th").nth(4);
    await percentHeader.getByRole("button").click();
    await expect(percentHeader).toHaveAttribute("aria-sort", "ascending");
    const percents = await rows.locator("td:nth-child(5)").allInnerTexts();
    const numbers = percents.map((p) => Number(p.replace(/[^\d,]/g, "").replace(",", ".")));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  }
  await page.screenshot({ path: "test-reports/screenshots/dashboard-children-sorted.png", fullPage: false });
});
