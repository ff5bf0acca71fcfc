import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { E2E_DB_PORT } from "./ports";

// The browser tests' database holds the demo data (8 weeks) on the real unit lists.

test("the leaderboard ranks today's 34 provinces in Vietnamese, under the country's headline, with its chart, in the device's own font", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("căn cước công dân gắn chip");
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(34);
  await expect(page.getByRole("cell", { name: "Nghệ An" })).toBeVisible();
  // Vietnamese number formats: 1.234.567 and 98,60 %.
  await expect(rows.first()).toContainText(/\d{1,3}(\.\d{3})+/);
  await expect(rows.first()).toContainText(/\d+,\d{2} %/);
  // The country above the table: its figure, and how many of the 34 reached their target.
  const country = page.getByRole("region", { name: "Cả nước", exact: true });
  await expect(country).toContainText("Số liệu cả nước");
  await expect(country).toContainText(/\d{1,3}(\.\d{3})+/);
  await expect(country).toContainText(/\d+\/34/);
  // The country's target says when it is due.
  await expect(country).toContainText(/hạn \d{2}\/\d{2}\/\d{4}/);
  // The country's line against its target, drawn on the server: one drawing shown for this width.
  await expect(page.getByRole("heading", { name: "Cả nước so với chỉ tiêu theo thời gian" })).toBeVisible();
  const drawing = page.locator("#national-trend svg").filter({ visible: true });
  await expect(drawing).toHaveCount(1);
  await expect(drawing.locator("[data-series=value]")).toHaveCount(1);
  await expect(drawing).toContainText(/Chỉ tiêu \d{1,3}(\.\d{3})+/);

  // The public page draws in the device's own font: no font file is fetched before or after it.
  const fetched = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status !== "unloaded").length;
  });
  expect(fetched).toBe(0);
});

test("on a desktop all 34 provinces lie on the page, with no scroll box of their own, the header in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  const table = page.locator("table").first();
  // No element between the table and the page scrolls: the page's own scrolling shows every row.
  const framed = await table.evaluate((element) => {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight) return true;
    }
    return false;
  });
  expect(framed).toBe(false);
  const last = table.locator("tbody tr").nth(33);
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  // The column headers stick to the top of the window while the rows scroll under them.
  const header = await table.locator("thead th").first().boundingBox();
  expect(header?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(header?.y ?? 999).toBeLessThan(5);
});

test("bars and map squares share one colour scale: nearly done never wears the colour of far behind", async ({
  page,
}) => {
  await page.goto("/");
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll("table tbody tr")].map((row) => {
      const code = row.querySelector('a[href^="/units/"]')?.getAttribute("href")?.split("?")[0]?.split("/")[2];
      const bar = row.querySelector("[data-colour]");
      const square = document.querySelector(`#map-figure a[href^="/units/${code}?"] :is(rect, path)`);
      return {
        code,
        percent: Number(bar?.getAttribute("data-percent")),
        bar: bar?.getAttribute("data-colour"),
        square: square?.getAttribute("fill"),
      };
    }),
  );
  expect(rows).toHaveLength(34);
  const red = "#b91c1c";
  for (const row of rows) {
    expect(row.bar, `${row.code}: bar and map square`).toBe(row.square);
    if (row.percent >= 90) expect(row.bar, `${row.code} at ${row.percent} %`).not.toBe(red);
    if (row.percent < 50) expect(row.bar, `${row.code} at ${row.percent} %`).toBe(red);
  }
  // The legend names the same steps, in colour when printed too.
  await expect(page.locator("#map-figure figcaption")).toContainText("90 – 100 %");
});

test("a province behind its target shows the weekly increase it still needs, as the API gives it", async ({
  page,
  request,
}) => {
  // The page opens on its latest approved date: the API is asked for that same date.
  await page.goto("/");
  const csv = (await page.getByRole("link", { name: /CSV/ }).getAttribute("href")) as string;
  const asOf = new URL(csv, "http://x").searchParams.get("asOf");
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const api = await (await request.get(`/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=${asOf}`)).json();
  const behind = (api.items as { name: string; neededPerWeek: number | null; trajectory: string | null }[]).filter(
    (i) => i.neededPerWeek !== null,
  );
  expect(behind.length).toBeGreaterThan(0);
  for (const item of behind.slice(0, 3)) {
    const row = page
      .locator("table tbody tr")
      .filter({ has: page.getByRole("link", { name: item.name, exact: true }) });
    await expect(row).toContainText(`cần +${new Intl.NumberFormat("vi-VN").format(item.neededPerWeek as number)}/tuần`);
    if (item.trajectory === "off-track") await expect(row).toContainText("chậm tiến độ");
    if (item.trajectory === "at-risk") await expect(row).toContainText("nguy cơ trễ hạn");
  }
});

test("indicator, date and structure live in the URL, and reloading restores the view", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: /Chỉ tiêu/ }).selectOption("VNEID_L2_ACTIVATED");
  await expect(page).toHaveURL(/indicator=VNEID_L2_ACTIVATED/);
  await expect(page.getByRole("heading", { level: 2, name: /định danh điện tử mức 2 đã kích hoạt/ })).toBeVisible();

  const slider = page.getByRole("slider");
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/date=\d{4}-\d{2}-\d{2}/);
  const url = page.url();
  const firstRow = (await page.locator("table tbody tr").first().textContent()) ?? "";

  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator("table tbody tr").first()).toHaveText(firstRow);

  await page.getByRole("link", { name: "63 tỉnh (trước 1/7/2025)" }).click();
  await expect(page).toHaveURL(/structure=63/);
  await expect(page.getByRole("link", { name: "63 tỉnh (trước 1/7/2025)" })).toHaveAttribute("aria-current", "page");
});

test("the CSV download has one row per province with the table's numbers", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.getByRole("link", { name: "Tải bảng xếp hạng (CSV)" }).getAttribute("href");
  const csv = (await (await request.get(href as string)).text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(csv).toHaveLength(35);
  // The people's file: Vietnamese headers, semicolons, numbers as the table shows them.
  expect(csv[0]).toMatch(/^Hạng;Mã;Đơn vị;Số liệu \(tử số\)/);
  const [rank, code, name, value, , , , percent] = (csv[1] as string).split(";");
  const firstRow = page.locator("table tbody tr").first();
  await expect(firstRow).toContainText(name as string);
  await expect(firstRow).toContainText(Number(value).toLocaleString("vi-VN"));
  await expect(firstRow).toContainText(`${percent} %`);
  expect([rank, code]).toHaveLength(2);
});

test("the Excel weekly report has a sheet per indicator with the table's provinces and numbers", async ({ page }) => {
  await page.goto("/");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Báo cáo tuần, mọi chỉ tiêu (Excel)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bao-cao-tuan-toan-quoc-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  expect(book.worksheets.length).toBeGreaterThanOrEqual(5);
  const sheet = book.worksheets.find((s) =>
    String(s.getCell("A1").value).startsWith("Hồ sơ cấp CCCD"),
  ) as ExcelJS.Worksheet;
  expect(sheet.rowCount).toBe(3 + 34);
  const first = sheet.getRow(4);
  const firstRow = page.locator("table tbody tr").first();
  await expect(firstRow).toContainText(String(first.getCell(3).value));
  await expect(firstRow).toContainText(Number(first.getCell(4).value).toLocaleString("vi-VN"));
});

test("the tile map draws every province and the archipelagos, and a tile opens the province", async ({ page }) => {
  await page.goto("/");
  const map = page.getByRole("group", { name: /Bản đồ ô vuông/ });
  await expect(map.locator("a")).toHaveCount(34);
  await expect(map).toContainText("QĐ Hoàng Sa");
  await expect(map).toContainText("QĐ Trường Sa");
  await page.goto("/?structure=63");
  await expect(page.getByRole("group", { name: /Bản đồ ô vuông/ }).locator("a")).toHaveCount(63);
  await page
    .getByRole("group", { name: /Bản đồ ô vuông/ })
    .getByRole("link", { name: /Hà Nam:/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Hà Nam");
});

test("the map and a unit's trend chart download as PNG images", async ({ page }) => {
  const png = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    return { name: download.suggestedFilename(), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  };
  // The drawing code is fetched by the first click, not by every visitor's page.
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/", { waitUntil: "networkidle" });
  const onLoad = scripts.length;
  const map = await png("Tải bản đồ (PNG)");
  expect(scripts.length).toBeGreaterThan(onLoad);
  expect(map.name).toMatch(/^ban-do-CCCD_INTAKE-\d{4}-\d{2}-\d{2}-34-tinh\.png$/);
  expect(map.width).toBeGreaterThan(400);
  await page.goto("/units/01");
  await expect(page.locator("#trend-chart svg").filter({ visible: true })).toHaveCount(1);
  const chart = await png("Tải biểu đồ (PNG)");
  expect(chart.name).toMatch(/^dien-bien-01-CCCD_INTAKE-/);
  expect(chart.height).toBeGreaterThan(400);
});

test("imported boundaries draw every province and both archipelagos; hover names it, a click opens it", async ({
  page,
}) => {
  // The CLI shares the database of the running product (see the README's command line).
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "", EMBEDDED_DB_DIR: ".data/e2e-postgres", EMBEDDED_DB_PORT: E2E_DB_PORT },
      encoding: "utf8",
    });
  expect(cli("import", "boundaries", "../shared/data/vn-provinces-34.topo.json")).toContain("Ranh giới 34 tỉnh");
  try {
    await page.goto("/");
    const map = page.getByRole("group", { name: /^Bản đồ các tỉnh/ });
    await expect(map.locator("a")).toHaveCount(34);
    await expect(page.getByRole("group", { name: /Bản đồ ô vuông/ })).toHaveCount(0);
    // Hoàng Sa (Đà Nẵng, to 112.7° E) and Trường Sa (Khánh Hòa, to 114.3° E) lie east of every
    // mainland coast (109.5° E): drawn, they push their provinces' right edges past all others.
    const rightEdges: Record<string, number> = await map.locator("a[data-province] path").evaluateAll((paths) =>
      Object.fromEntries(
        paths.map((p) => {
          const box = (p as SVGPathElement).getBBox();
          return [p.parentElement?.getAttribute("data-province") ?? "", box.x + box.width];
        }),
      ),
    );
    const mainland = Math.max(
      ...Object.entries(rightEdges)
        .filter(([c]) => c !== "48" && c !== "56")
        .map(([, x]) => x),
    );
    expect(rightEdges["48"]).toBeGreaterThan(mainland + 20);
    expect(rightEdges["56"]).toBeGreaterThan(rightEdges["48"] ?? Number.POSITIVE_INFINITY);
    await map.screenshot({ path: "test-reports/screenshots/map-geographic.png" });
    const hanoi = map.locator('a[data-province="01"]');
    await expect(hanoi.locator("title")).toHaveText(/^Hà Nội: \d{1,3},\d{2} %/);
    await hanoi.hover();
    await hanoi.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Thành phố Hà Nội");
  } finally {
    cli("boundaries", "remove", "34");
  }
  await page.goto("/");
  await expect(page.getByRole("group", { name: /Bản đồ ô vuông/ }).locator("a")).toHaveCount(34);
});
