import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import yazl from "yazl";
import { toCsv } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { sheetName, weeklyWorkbook } from "@/lib/exports/weekly-workbook";
import { readTable, TABLE_LIMITS } from "@/lib/tables/read-table";
import { xlsxRows } from "@/lib/tables/xlsx-rows";
import { connectTestDatabase } from "../setup/database";
import { approveAllWeeks, loadSmallWorld } from "../setup/fixtures";

const prisma = connectTestDatabase();
const ON = new Date("2023-04-30T00:00:00Z");

beforeAll(async () => {
  await loadSmallWorld(prisma);
  // The workbook reports approved weeks: these figures are approved.
  await approveAllWeeks(prisma);
});

async function open(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

describe("weekly report workbook", () => {
  it("has one sheet per indicator ranking the provinces, with real numbers, percentages and dates", async () => {
    const { fileName, body } = await weeklyWorkbook(prisma, { asOf: ON });
    expect(fileName).toBe("bao-cao-tuan-toan-quoc-2023-04-30.xlsx");
    const book = await open(body);
    const indicators = await prisma.indicator.findMany({ orderBy: { sortOrder: "asc" } });
    expect(book.worksheets.map((s) => s.name)).toHaveLength(indicators.length);
    const intake = indicators.find((i) => i.code === "CCCD_INTAKE");
    const sheet = book.worksheets.find((s) =>
      String(s.getCell("A1").value).startsWith(`${intake?.nameVi} –`),
    ) as ExcelJS.Worksheet;
    expect(String(sheet.getCell("A1").value)).toContain("Toàn quốc, tính đến ngày 30/04/2023");
    expect(sheet.getRow(3).values).toEqual(
      expect.arrayContaining(["Hạng", "Tỉnh, thành phố", "Số liệu", "Chỉ tiêu", "Tỷ lệ"]),
    );
    // 01 Alpha 1050 of 1000 ranks first (105 %); 04 Delta 1050 of 1000 ties it.
    const rows = [4, 5, 6, 7].map((r) => sheet.getRow(r));
    const alpha = rows.find((r) => r.getCell(2).value === "01") as ExcelJS.Row;
    expect(alpha.getCell(3).value).toBe("Alpha");
    expect(alpha.getCell(4).value).toBe(1050);
    expect(alpha.getCell(5).value).toBe(1000);
    expect(alpha.getCell(6).value).toBeCloseTo(1.05, 10);
    expect(sheet.getColumn(6).numFmt).toBe("0.00%");
    expect(alpha.getCell(8).value).toEqual(new Date("2023-06-30T00:00:00Z"));
    expect(sheet.getColumn(4).numFmt).toBe("#,##0");
  });

  it("a unit's workbook ranks its children; an unknown unit is a clear 404", async () => {
    const book = await open((await weeklyWorkbook(prisma, { unit: "01", asOf: ON })).body);
    const sheet =
      book.worksheets.find((s) => s.getCell("A1").value?.toString().startsWith("Hồ sơ")) ?? book.worksheets[0];
    const codes = [4, 5].map((r) => (sheet as ExcelJS.Worksheet).getRow(r).getCell(2).value);
    expect(codes.sort()).toEqual(["001", "002"]);
    await expect(weeklyWorkbook(prisma, { unit: "99", asOf: ON })).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** A cell as the import reads it: dates as YYYY-MM-DD, a formula's result, rich text joined, trimmed. */
function importText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value).trim();
  if ("result" in value) return importText(value.result as ExcelJS.CellValue);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  return "text" in value ? String(value.text).trim() : "";
}

/** The same workbook with its `k`-th sheet first (the import reads only the first), workbook part still last. */
async function withSheetFirst(body: Buffer, k: number): Promise<Buffer> {
  const zip = await yauzl.fromBufferPromise(body);
  const copy = new yazl.ZipFile();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith("/")) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk);
    let content = Buffer.concat(chunks);
    if (entry.fileName === "xl/workbook.xml") {
      const xml = content.toString("utf8");
      const sheets = xml.match(/<sheet [^>]*\/>/g) ?? [];
      const moved = [sheets[k], ...sheets.filter((_, i) => i !== k)].join("");
      content = Buffer.from(xml.replace(sheets.join(""), moved));
    }
    copy.addBuffer(content, entry.fileName);
  }
  copy.end();
  const out: Buffer[] = [];
  for await (const chunk of copy.outputStream) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe("the workbook read back by the import", () => {
  it("gives every sheet's cells as exceljs reads the whole workbook, dates and numbers included", async () => {
    const { fileName, body } = await weeklyWorkbook(prisma, { asOf: ON });
    const book = await open(body);
    const { nameVi } = await prisma.indicator.findUniqueOrThrow({ where: { code: "CCCD_INTAKE" } });
    const intake = book.worksheets.findIndex((s) => String(s.getCell("A1").value).startsWith(`${nameVi} –`));
    for (const [k, sheet] of book.worksheets.entries()) {
      const expected: [number, string[]][] = [];
      sheet.eachRow((row, n) => {
        expected.push([n, Array.from((row.values as ExcelJS.CellValue[]).slice(1), importText)]);
      });
      const file = await withSheetFirst(body, k);
      const read: [number, string[]][] = [];
      for await (const row of xlsxRows({ buffer: file }, TABLE_LIMITS))
        if (row.cells.some((c) => c !== "")) read.push([row.number, Array.from(row.cells, (c) => c ?? "")]);
      expect(read, sheet.name).toEqual(expected);
      if (k === intake)
        expect(read.find(([, cells]) => cells[1] === "01")?.[1]).toEqual(
          expect.arrayContaining(["Alpha", "1050", "1000", "1.05", "2023-06-30"]),
        );

      // Through readTable the title is the header, and every later row keeps its line number.
      const lines: number[] = [];
      for await (const row of readTable({ buffer: file, fileName }, [])) lines.push(row.line);
      expect(lines).toEqual(expected.slice(1).map(([n]) => n));
    }
    expect(intake).toBeGreaterThan(0);
  });
});

describe("cells that would start a formula", () => {
  it("are text in the workbook and neutralised in CSV", async () => {
    const crafted = '=HYPERLINK("http://evil.example","Bấm")';
    const rename = async (name: string) => {
      await prisma.unit.updateMany({ where: { code: "02" }, data: { name } });
      await prisma.$executeRawUnsafe("UPDATE data_version SET version = version + 1"); // as every write does
    };
    await rename(crafted);
    try {
      const book = await open((await weeklyWorkbook(prisma, { asOf: ON })).body);
      const cells: ExcelJS.Cell[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
      expect(cells.some((c) => String(c.value).includes(crafted))).toBe(true);

      const csv = toCsv([{ name: crafted }, { name: "+1" }, { name: "-2" }, { name: "@SUM(A1)" }, { name: "Hà Nội" }]);
      expect(csv.split("\r\n").slice(1, 6)).toEqual([
        `"'=HYPERLINK(""http://evil.example"",""Bấm"")"`,
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "Hà Nội",
      ]);
      expect(toCsv([{ change: -5 }]).split("\r\n")[1]).toBe("-5"); // numbers stay numbers
    } finally {
      await rename("Beta");
    }
  });
});

describe("sheet names", () => {
  it("keep the end that tells long names apart and shorten their first words to initials", () => {
    const used = new Set<string>();
    const names = [
      "Tài khoản định danh điện tử mức 1 đã kích hoạt",
      "Tài khoản định danh điện tử mức 2 đã kích hoạt",
      "Hồ sơ CCCD gắn chip đã thu nhận",
      "Hồ sơ thủ tục hành chính xử lý trực tuyến",
    ].map((name) => sheetName(name, used));
    expect(names).toEqual([
      "TKĐD điện tử mức 1 đã kích hoạt",
      "TKĐD điện tử mức 2 đã kích hoạt",
      "Hồ sơ CCCD gắn chip đã thu nhận",
      "HSTTHC xử lý trực tuyến",
    ]);
  });

  // Names Excel refuses as sheet names, or that clash once made acceptable: every one must
  // still export (the report is public; an indicator is never removed).
  const HOSTILE = [
    "History",
    "HISTORY",
    "'Trích dẫn'",
    "''' ",
    "[]:*?/\\",
    "Tỷ lệ hồ sơ / thủ tục: [đợt 1]?*",
    "Chỉ tiêu rất dài về hồ sơ cấp căn cước công dân gắn chip – phần A",
    "Chỉ tiêu rất dài về hồ sơ cấp căn cước công dân gắn chip – phần B",
    "chỉ tiêu a",
    "CHỈ TIÊU A",
    "Dòng\r\nmới\tvà\u0007chuông",
    `${"x".repeat(30)}😀 biểu tượng`,
  ];

  it("are derived safely from any indicator name, and the export route answers 200", async () => {
    const last = await prisma.indicator.aggregate({ _max: { sortOrder: true } });
    const created = await Promise.all(
      HOSTILE.map((nameVi, i) =>
        prisma.indicator.create({
          data: {
            code: `TEN_KHO_${i}`,
            nameVi,
            nameEn: nameVi,
            kind: "CUMULATIVE",
            sortOrder: (last._max.sortOrder ?? 0) + 10 * (i + 1),
          },
        }),
      ),
    );
    try {
      const book = await open((await weeklyWorkbook(prisma, { asOf: ON })).body);
      const names = book.worksheets.map((s) => s.name);
      expect(names).toHaveLength(await prisma.indicator.count());
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const name of names) {
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\\p{C}]|^'|'$/u);
        expect(name.toLowerCase()).not.toBe("history");
      }
      // Each hostile indicator has its own sheet, titled with its full name (on one line).
      for (const indicator of created) {
        const title = indicator.nameVi.replace(/[\p{Cc}\s]+/gu, " ").trim();
        const sheet = book.worksheets.find((s) => String(s.getCell("A1").value).startsWith(`${title} –`));
        expect(sheet, indicator.nameVi).toBeDefined();
      }
      const { GET } = await import("@/app/api/v1/exports/weekly/route");
      const response = await GET(new Request("http://localhost/api/v1/exports/weekly?asOf=2023-04-30"));
      expect(response.status).toBe(200);
    } finally {
      await prisma.indicator.deleteMany({ where: { id: { in: created.map((i) => i.id) } } });
    }
  });
});
