import { expect, type Locator, type Page, test } from "@playwright/test";
import { signedInPage } from "./staff";

// Each page at desktop width and on a 360 px phone, checked for what a person looks at
// first: the page's heading, its main content (how many rows, the field to type in), the
// control they came to use fully on screen, and no sideways scrolling of the page (wide
// tables scroll inside their own box). The screenshots (test-reports/screenshots) are kept
// for people to look at as well.

/** What a person looks for on a page: its heading, how many rows its main table has, what must be on screen. */
type Expected = {
  heading: RegExp;
  rows?: { exactly?: number; atLeast?: number; why: string };
  onScreen?: [string, (page: Page) => Locator][];
  also?: (page: Page) => Promise<void>;
};

const DEVICES = [
  ["desktop", 1280],
  ["phone", 360],
] as const;

/** The element lies within the viewport's width: nothing of it is cut off at the side. */
async function withinWidth(page: Page, locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, what).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width, `${what} fits the screen width`).toBe(true);
}

async function check(page: Page, expected: Expected) {
  await withinWidth(page, page.getByRole("heading", { level: 1, name: expected.heading }), "the page's heading");
  if (expected.rows) {
    const rows = page.locator("main table").first().locator("tbody tr");
    await expect(rows.first(), expected.rows.why).toBeVisible();
    if (expected.rows.exactly !== undefined) expect(await rows.count(), expected.rows.why).toBe(expected.rows.exactly);
    else expect(await rows.count(), expected.rows.why).toBeGreaterThanOrEqual(expected.rows.atLeast ?? 1);
  }
  for (const [what, locate] of expected.onScreen ?? []) await withinWidth(page, locate(page), what);
  await expected.also?.(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page must not scroll sideways").toBeLessThanOrEqual(0);
}

/** The tile map has a tile (a link to its page) for each of the structure's provinces. */
async function tiles(page: Page, provinces: number) {
  const map = page.getByRole("group", { name: /Bản đồ ô vuông/ });
  await expect(map.getByRole("link")).toHaveCount(provinces);
}

const button = (name: string | RegExp) => (page: Page) => page.getByRole("button", { name });
const TITLE = /Tiến độ cấp căn cước/;

const publicPages: [string, string, Expected][] = [
  [
    "leaderboard",
    "/",
    { heading: TITLE, rows: { exactly: 34, why: "34 provinces ranked" }, also: async (page) => tiles(page, 34) },
  ],
  // The browser tests' demo data starts after the 2025 reorganisation: the old map, no ranking.
  ["leaderboard-63", "/?structure=63", { heading: TITLE, also: async (page) => tiles(page, 63) }],
  [
    "unit-province",
    "/units/40",
    {
      heading: /Nghệ An/,
      rows: { why: "the province's communes ranked" },
      also: async (page) => expect(page.locator("#trend-chart")).toBeVisible(),
    },
  ],
  [
    "leaderboard-english",
    "/?lang=en",
    {
      heading: /Chip-based citizen ID cards/,
      also: async (page) => expect(page.locator("main")).toHaveAttribute("lang", "en"),
    },
  ],
];

for (const [name, path, expected] of publicPages) {
  for (const [device, width] of DEVICES) {
    test(`layout of ${name} on ${device}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await check(page, expected);
      await page.screenshot({ path: `test-reports/screenshots/${name}-${device}.png`, fullPage: true });
    });
  }
}

const communes = (why: string) => ({ atLeast: 100, why });

const staffPages: [string, string, string, Expected][] = [
  [
    "entry-commune",
    "canbo.xa",
    "/nhap-lieu",
    {
      heading: /Ba Đình/,
      onScreen: [
        ["the first figure's input", (page) => page.getByLabel("Công dân đủ điều kiện cấp CCCD")],
        ["the save button", button("Lưu số liệu")],
      ],
    },
  ],
  [
    "entry-province-grid",
    "canbo.hanoi",
    "/nhap-lieu",
    { heading: /Hà Nội/, rows: communes("a row per commune"), onScreen: [["the save button", button("Lưu số liệu")]] },
  ],
  [
    "audit",
    "canbo.hanoi",
    "/nhat-ky",
    { heading: /Nhật ký thay đổi/, onScreen: [["the filter button", button("Lọc")]] },
  ],
  [
    "targets",
    "canbo.hanoi",
    "/chi-tieu",
    {
      heading: /Giao chỉ tiêu – .*Hà Nội/,
      rows: communes("a row per commune to assign to"),
      onScreen: [["the assign button", button(/Giao chỉ tiêu \(/)]],
    },
  ],
  [
    "upload",
    "canbo.xa",
    "/nhap-tep",
    {
      heading: /Nhập số liệu hoặc chỉ tiêu từ tệp/,
      also: async (page) => expect(page.locator('input[type="file"]').first()).toBeAttached(),
    },
  ],
  [
    "dashboard-national",
    "lanhdao.bo",
    "/dieu-hanh",
    { heading: /Điều hành – Toàn quốc/, rows: { atLeast: 34, why: "34 provinces" } },
  ],
  [
    "dashboard-province",
    "lanhdao.hanoi",
    "/dieu-hanh",
    { heading: /Điều hành – .*Hà Nội/, rows: communes("its communes") },
  ],
  [
    "accounts",
    "quantri.hanoi",
    "/tai-khoan",
    {
      heading: /Tài khoản trong phạm vi quản lý/,
      rows: { why: "the accounts in the province" },
      onScreen: [["the create button", button("Tạo tài khoản")]],
    },
  ],
];

for (const [name, username, path, expected] of staffPages) {
  for (const [device, width] of DEVICES) {
    test(`layout of ${name} on ${device}`, async ({ browser }) => {
      const page = await signedInPage(browser, username);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await check(page, expected);
      await page.screenshot({ path: `test-reports/screenshots/${name}-${device}.png`, fullPage: true });
    });
  }
}

test("the sign-in form fits a phone's first screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/dang-nhap");
  await check(page, { heading: /Đăng nhập cán bộ/, onScreen: [["the sign-in button", button(/Đăng nhập/)]] });
  const box = await button(/Đăng nhập/)(page).boundingBox();
  expect((box?.y ?? 999) + (box?.height ?? 0), "the button is on the first screen, no scrolling").toBeLessThanOrEqual(
    740,
  );
  await page.screenshot({ path: "test-reports/screenshots/sign-in-phone.png", fullPage: true });
});
