import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as peopleCsv } from "@/app/api/v1/exports/ranking/route";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { rankingCsv } from "@/lib/exports/ranking-csv";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";
import { rankingItem } from "../setup/ranking-item";

const prisma = connectTestDatabase();
const get = (route: (r: Request) => Promise<Response> | Response, path: string) =>
  route(new Request(`http://localhost${path}`));

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  // The people's CSV holds approved weeks only: these figures are approved.
  await approveAllWeeks(prisma);
});

/** The file's text, which must start with a UTF-8 BOM (Excel then reads Vietnamese names right). */
async function textOf(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

/** The file as a spreadsheet reads it: the separator found from the header line. */
function read(text: string): Record<string, string>[] {
  const header = text.split("\r\n")[0] as string;
  const delimiter = (header.match(/;/g) ?? []).length > (header.match(/,/g) ?? []).length ? ";" : ",";
  return parse(text, { columns: true, delimiter });
}

describe("the leaderboard's CSV for people", () => {
  it("has Vietnamese headers, numbers as the page shows them and a name that says what it holds", async () => {
    const response = await get(
      peopleCsv,
      "/api/v1/exports/ranking?indicator=CCCD_INTAKE&level=province&asOf=2023-04-30",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="bang-xep-hang-ngay-2023-04-30-CCCD_INTAKE-tinh.csv"',
    );
    const text = await textOf(response);
    expect(text.split("\r\n")[0]).toContain(
      "Hạng;Mã;Đơn vị;Số liệu (tử số);Mẫu số;Tỷ lệ (%);Chỉ tiêu;Đạt so với chỉ tiêu (%)",
    );
    const rows = read(text);
    const api = await (
      await get(rankingsRoute, "/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=2023-04-30")
    ).json();
    expect(rows.map((r) => r.Mã)).toEqual(api.items.map((i: { code: string }) => i.code));
    const alpha = rows.find((r) => r.Mã === "01");
    expect(alpha).toMatchObject({
      Hạng: "1",
      "Đơn vị": "Alpha",
      "Số liệu (tử số)": "1050",
      "Chỉ tiêu": "1000",
      "Đạt so với chỉ tiêu (%)": "105,00",
      "Tăng trong tuần / kỳ": "200",
      "Ngày đạt": "30/04/2023",
      "Xu hướng": "đã đạt",
    });
    expect(rows.find((r) => r.Mã === "03")).toMatchObject({
      "Đạt so với chỉ tiêu (%)": "50,00",
      "Cần tăng mỗi tuần": "23",
    });
    // A week's file gives each province's rank the week before, as the leaderboard's arrows do.
    expect(rows.every((r) => /^\d+$/.test(r["Hạng tuần (kỳ) trước"] ?? ""))).toBe(true);
  });

  it("in English: English headers, commas between fields and a decimal point; a period's file is named by the period", async () => {
    const response = await get(
      peopleCsv,
      "/api/v1/exports/ranking?indicator=CCCD_INTAKE&level=province&period=quarter:2023-Q2&lang=en",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("bang-xep-hang-quy-2023-Q2-CCCD_INTAKE-tinh.csv");
    const rows = read(await textOf(response));
    expect(Object.keys(rows[0] ?? {}).slice(0, 4)).toEqual(["Rank", "Code", "Unit", "Figure (numerator)"]);
    expect(rows.every((r) => /^(\d+\.\d{2})?$/.test(r["Percent of target (%)"] ?? "x"))).toBe(true);
  });

  it("names a scorecard's components in their own columns, after the columns every kind shares", () => {
    const item = rankingItem({
      rank: 1,
      code: "01",
      name: "Alpha",
      score: 87.456,
      maxScore: 100,
      band: "≥ 90",
      components: [
        { indicator: "HS_TRUC_TUYEN", weight: 60, points: 52.456, percent: 87.43 },
        { indicator: "CONG_KHAI", weight: 40, points: 35, percent: 87.5 },
      ],
    });
    const { text } = rankingCsv(
      {
        basis: "official",
        indicator: "BO_CHI_SO",
        level: "province",
        parent: null,
        asOf: "2026-11-29",
        structureOn: null,
        componentNames: [
          { indicator: "HS_TRUC_TUYEN", nameVi: "Hồ sơ trực tuyến", nameEn: "Online files" },
          { indicator: "CONG_KHAI", nameVi: "=Công khai", nameEn: "Published" },
        ],
        items: [item],
      },
      undefined,
      "vi",
    );
    const [header, row] = text.slice(1).split("\r\n");
    expect(header?.endsWith(";Hồ sơ trực tuyến (điểm);'=Công khai (điểm)")).toBe(true);
    expect(row?.endsWith(";52,46;35,00")).toBe(true);
    expect(row).toContain(";87,46;100,00;≥ 90;");
  });

  it("refuses a wrong language naming the parameter", async () => {
    const response = await get(peopleCsv, "/api/v1/exports/ranking?indicator=CCCD_INTAKE&lang=fr");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ param: "lang" });
  });
});
