import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as cardRoute } from "@/app/units/[code]/card.png/route";
import { shareCardSvg } from "@/lib/share-card/card-svg";
import { FONT_FILES, shareCardContent } from "@/lib/share-card/share-card";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  await loadSmallFigures(prisma);
  // The card, like the public page, shows approved figures only.
  await approveAllWeeks(prisma);
});

const card = (code: string, locale: "vi" | "en" = "vi") =>
  shareCardContent(prisma, code, { indicator: "CCCD_INTAKE", date: "2023-04-30" }, locale, "de-an-06.example.vn");

/** The words a reader sees on the card, taken from the SVG before it is rasterised. */
const wordsOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? "").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))),
  );

describe("a unit's share card", () => {
  it("says what, for whom, when, where from and how far, in the scale's colour", async () => {
    const alpha = await card("01");
    const gamma = await card("03");
    if (!alpha || !gamma) throw new Error("no card");
    const words = wordsOf(shareCardSvg(alpha));
    // Alpha reached 1.050 of its 1.000 target on 30/04/2023; Gamma 200 of 400.
    expect(words).toContain("Tỉnh Alpha");
    expect(words.some((w) => w.includes("30/04/2023"))).toBe(true);
    expect(words).toContain("Hồ sơ cấp CCCD gắn chip đã thu nhận");
    expect(words).toContain("105,00 %");
    expect(words).toContain("1.050 / chỉ tiêu 1.000");
    expect(words.some((w) => /^Hạng \d\/4 toàn quốc$/.test(w))).toBe(true);
    expect(words).toContain("de-an-06.example.vn");
    expect(words.some((w) => w.includes("Nguồn: Đề án 06"))).toBe(true);
    // The legend: every step of the scale, labelled.
    expect(words).toEqual(expect.arrayContaining(["≥ 100 %", "90 – 100 %", "< 50 %"]));
    expect(gamma.headline).toBe("50,00 %");
    expect(alpha.colour.fill).toBe("#047857");
    expect(gamma.colour.fill).not.toBe(alpha.colour.fill);
    // A district ranks within its province.
    expect((await card("001"))?.rank).toMatch(/^Hạng \d\/2 trong Tỉnh Alpha$/);
  });

  it("speaks English when asked, with no Vietnamese words of its own", async () => {
    const alpha = await card("01", "en");
    if (!alpha) throw new Error("no card");
    expect(alpha.headline).toBe("105.00%");
    expect(alpha.rank).toMatch(/^Rank \d of 4 nationally$/);
    for (const own of [alpha.brand, alpha.headlineNote, alpha.detail, alpha.legendTitle, alpha.date, alpha.source])
      expect(own).not.toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/i);
  });

  it("is a 1200×630 PNG at its address, and an unknown unit is a 404 that says so", async () => {
    const answer = await cardRoute(
      new Request("http://localhost/units/01/card.png?indicator=CCCD_INTAKE&date=2023-04-30"),
      { params: Promise.resolve({ code: "01" }) },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await answer.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // The rasteriser loads no system fonts: without the product's typeface it would draw no text.
    for (const file of FONT_FILES) expect(existsSync(file), file).toBe(true);

    const missing = await cardRoute(new Request("http://localhost/units/99/card.png"), {
      params: Promise.resolve({ code: "99" }),
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("99");
  });

  it("keeps long names inside the card", () => {
    const long =
      "Tỷ lệ công dân từ đủ 14 tuổi trở lên đã được cấp căn cước gắn chip và kích hoạt tài khoản định danh điện tử mức 2 trên ứng dụng VNeID";
    const svg = shareCardSvg({
      brand: "B",
      indicator: long,
      unit: "Thành phố Hồ Chí Minh và một tên đơn vị rất dài để thử",
      headline: "99,89 %",
      headlineNote: "của chỉ tiêu",
      colour: { fill: "#65a30d", text: "#0f172a" },
      percent: 99.89,
      detail: "1 / 2",
      rank: "Hạng 1/34 toàn quốc",
      legendTitle: "Mức",
      legend: [],
      date: "Tính đến ngày 06/12/2026",
      source: "Nguồn",
      address: "x",
    });
    // The indicator's name is the bold 34-point text: two lines at most, the second cut short.
    const nameLines = [...svg.matchAll(/font-size="34" font-weight="700" fill="[^"]*">([^<]*)</g)].map((m) => m[1]);
    expect(nameLines).toHaveLength(2);
    expect(nameLines[1]).toMatch(/…$/);
    for (const size of [...svg.matchAll(/font-size="(\d+)"[^>]*>([^<]*)</g)]) {
      expect((size[2] ?? "").length * Number(size[1]) * 0.62).toBeLessThanOrEqual(1080 + 1);
    }
  });
});
