import { beforeAll, describe, expect, it } from "vitest";
import { InvalidParamError } from "@/lib/errors";
import { findFigureAnomalies } from "@/lib/imports/figure-anomalies";
import { FIGURE_COLUMNS } from "@/lib/imports/import-figures";
import { importUpload } from "@/lib/imports/import-upload";
import { MAX_LISTED_PROBLEMS } from "@/lib/imports/row-checks";
import { readTable, TableFormatError } from "@/lib/tables/read-table";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";
import { zip } from "../setup/zip";

const prisma = connectTestDatabase();

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
});

function upload(fileName: string, content: Buffer | string) {
  const form = new FormData();
  form.set("kind", "figures");
  form.set("mode", "preview");
  form.set("requestId", requestId());
  form.set("file", new File([typeof content === "string" ? content : new Uint8Array(content)], fileName));
  return form;
}

async function readAll(rows: AsyncIterable<unknown>) {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

describe("a hostile or huge file", () => {
  it("of bad rows lists the first problems and counts them all, in a small answer", async () => {
    const officer = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const lines = ["unit_code,indicator,as_of,value"];
    for (let i = 0; i < 60_000; i++) lines.push(`9${i},KHONG_CO,ngay-${i},x${i}`);
    const outcome = await importUpload(prisma, officer, upload("xau.csv", lines.join("\n")));
    expect(outcome.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(outcome.errorCount).toBe(60_000 * 3);
    expect(outcome.rows).toBe(60_000);
    expect(JSON.stringify(outcome).length).toBeLessThan(100_000);
  });

  it("of more than 125,000 valid rows is checked for anomalies (no spread of every date onto the stack)", async () => {
    const start = Date.UTC(2023, 0, 1);
    const figures = Array.from({ length: 132_000 }, (_, i) => ({
      line: i + 2,
      unitId: 1 + (i % 6),
      indicatorId: 1,
      indicator: "CCCD_INTAKE",
      cumulative: true,
      asOf: new Date(start + Math.floor(i / 6) * 86_400_000),
      value: i,
      denominator: null,
    }));
    const warnings = await findFigureAnomalies(prisma, figures);
    expect(Array.isArray(warnings)).toBe(true);
  });

  it("that is not an Excel file, though named one, is refused with 400 saying so", async () => {
    const officer = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const refused = importUpload(prisma, officer, upload("hong.xlsx", "đây không phải tệp nén"));
    await expect(refused).rejects.toBeInstanceOf(InvalidParamError);
    await expect(refused).rejects.toThrow(/không phải tệp Excel .xlsx hợp lệ/);
    const noWorkbook = importUpload(prisma, officer, upload("rong.xlsx", await zip({ "a.txt": "xin chào" })));
    await expect(noWorkbook).rejects.toThrow(/Tệp rong.xlsx: (không đọc được tệp Excel|tệp Excel không có trang tính)/);
  });

  it("that decompresses past the limit stops there (a zip bomb)", async () => {
    const bomb = await zip({ "xl/sharedStrings.xml": Buffer.alloc(8 * 1024 * 1024, 0x41) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const rows = readTable({ buffer: bomb, fileName: "bom.xlsx" }, FIGURE_COLUMNS, { unzippedBytes: 4 * 1024 * 1024 });
    await expect(readAll(rows)).rejects.toThrow(/giải nén ra hơn 4 MB/);
  });

  it("with too many rows, columns or characters in a cell names the bound", async () => {
    const header = "unit_code,indicator,as_of,value";
    const many = `${header}\n${"00001,CCCD_INTAKE,2024-01-07,1\n".repeat(11)}`;
    await expect(
      readAll(readTable({ buffer: Buffer.from(many), fileName: "a.csv" }, FIGURE_COLUMNS, { rows: 10 })),
    ).rejects.toThrow(/có hơn 10 dòng/);
    const wide = `${header}\n00001,CCCD_INTAKE,2024-01-07,1${",x".repeat(150)}\n`;
    await expect(readAll(readTable({ buffer: Buffer.from(wide), fileName: "a.csv" }, FIGURE_COLUMNS))).rejects.toThrow(
      /dòng 2: có 154 ô, nhiều nhất 100/,
    );
    const long = `${header}\n00001,${"X".repeat(5000)},2024-01-07,1\n`;
    const refused = readAll(readTable({ buffer: Buffer.from(long), fileName: "a.csv" }, FIGURE_COLUMNS));
    await expect(refused).rejects.toBeInstanceOf(TableFormatError);
    await expect(refused).rejects.toThrow(/cột indicator: ô dài 5000 ký tự/);
  });
});
