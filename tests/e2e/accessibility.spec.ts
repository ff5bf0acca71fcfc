import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signedInPage } from "./staff";

for (const path of [
  "/",
  "/?structure=63",
  "/units/40",
  "/units/35?date=2025-06-15",
  "/?lang=en",
  "/units/40?lang=en",
]) {
  test(`no serious accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.locator("main").waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join("; ")})`,
      );
    expect(serious).toEqual([]);
  });
}

for (const [username, path] of [
  ["canbo.xa", "/nhap-lieu"],
  ["canbo.hanoi", "/nhap-lieu"],
  ["canbo.hanoi", "/nhat-ky"],
  ["canbo.hanoi", "/chi-tieu"],
  ["canbo.xa", "/nhap-tep"],
  ["lanhdao.bo", "/dieu-hanh"],
  ["quantri.hanoi", "/tai-khoan"],
] as const) {
  test(`no serious accessibility violations on ${path} for ${username}`, async ({ browser }) => {
    // axe over a province's entry grid (126 communes × every count) takes about half a
    // minute on two cores: this checks accessibility, not speed.
    test.setTimeout(90_000);
    const page = await signedInPage(browser, username);
    await page.goto(path);
    await page.locator("main").waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
  });
}

test("no serious accessibility violations on the sign-in page", async ({ page }) => {
  await page.goto("/dang-nhap");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
});
