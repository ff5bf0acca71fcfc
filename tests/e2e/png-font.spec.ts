import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

// A PNG download is an SVG drawn as an image, which may not load fonts from outside itself.
// The product inlines its font; this checks the font is in the SVG and that it is what drew
// the text: the same SVG without the font is drawn differently, with it exactly as saved.

test("a chart's PNG is drawn in Be Vietnam Pro, embedded in the image", async ({ page }) => {
  // Keep every SVG the page turns into an image, to look inside it afterwards.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { svgImages: string[] }).svgImages = seen;
    const descriptor = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
    Object.defineProperty(HTMLImageElement.prototype, "src", {
      ...descriptor,
      set(value: string) {
        if (value.startsWith("data:image/svg+xml")) seen.push(value);
        descriptor?.set?.call(this, value);
      },
    });
  });
  await page.goto("/units/01");
  await expect(page.locator("#trend-chart svg").filter({ visible: true })).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải biểu đồ (PNG)" }).click(),
  ]);
  await download.saveAs("test-reports/screenshots/png-download-trend-chart.png");
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

  const svgUrl = await page.evaluate(() => (window as unknown as { svgImages: string[] }).svgImages.at(-1) ?? "");
  const svg = decodeURIComponent(svgUrl.slice(svgUrl.indexOf(",") + 1));
  // Shared in a chat group the picture still says what it is: title, unit and date, source and address.
  expect(svg).toMatch(/Biểu đồ [^<]*Hà Nội/);
  expect(svg).toMatch(/Thành phố Hà Nội, số liệu đã phê duyệt tính đến \d{2}\/\d{2}\/\d{4}/);
  expect(svg).toContain("Nguồn: Đề án 06 – Bộ Công an · localhost:");
  const faces = svg.match(/@font-face\{[^}]*\}/g) ?? [];
  expect(faces.length).toBeGreaterThan(0);
  for (const face of faces) {
    expect(face).toContain('font-family:"Be Vietnam Pro"');
    const base64 = /data:font\/woff2;base64,([A-Za-z0-9+/=]+)/.exec(face)?.[1] ?? "";
    expect(Buffer.from(base64, "base64").subarray(0, 4).toString("latin1")).toBe("wOF2");
  }
  // Vietnamese letters (ư, ơ, ế…) are in the "vietnamese" subset: it must be among the faces.
  expect(faces.some((face) => face.includes("U+1EA0-1EF9"))).toBe(true);

  // Draw the SVG as saved and again without its fonts, both at the download's size, and
  // count the pixels each differs from the PNG by.
  const differences = await page.evaluate(
    async ({ svgUrl, pngBase64 }) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const image = new Image();
          image.onload = () => resolve(image);
          image.onerror = () => reject(new Error(src.slice(0, 40)));
          image.src = src;
        });
      const saved = await load(`data:image/png;base64,${pngBase64}`);
      const pixels = async (src: string) => {
        const canvas = document.createElement("canvas");
        canvas.width = saved.naturalWidth;
        canvas.height = saved.naturalHeight;
        const context = canvas.getContext("2d") as CanvasRenderingContext2D;
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(await load(src), 0, 0, canvas.width, canvas.height);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const count = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let different = 0;
        for (let i = 0; i < a.length; i += 4)
          if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) + Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)) > 24) different++;
        return different;
      };
      const source = decodeURIComponent(svgUrl.slice(svgUrl.indexOf(",") + 1));
      const withoutFont = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source.replace(/<style[^>]*>[\s\S]*?<\/style>/, ""))}`;
      const reference = await pixels(`data:image/png;base64,${pngBase64}`);
      return {
        withFont: count(reference, await pixels(svgUrl)),
        withoutFont: count(reference, await pixels(withoutFont)),
      };
    },
    { svgUrl, pngBase64: png.toString("base64") },
  );
  console.log(
    `PNG pixels differing: with the embedded font ${differences.withFont}, without ${differences.withoutFont}`,
  );
  expect(differences.withFont).toBeLessThan(50);
  expect(differences.withoutFont).toBeGreaterThan(500);
});

test("a unit's share card is a 1200×630 picture drawn on the server", async ({ page, request }) => {
  await page.goto("/units/01?lang=en");
  const href = await page.getByRole("link", { name: "Share picture (PNG)" }).getAttribute("href");
  expect(href).toMatch(/^\/units\/01\/card\.png\?.*lang=en/);
  const answer = await request.get(href ?? "");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("image/png");
  const png = await answer.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  writeFileSync("test-reports/screenshots/share-card-01-en.png", png);
});
