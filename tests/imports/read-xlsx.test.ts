import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { FIGURE_COLUMNS } from "@/lib/imports/import-figures";
import { readTable, TABLE_LIMITS, TableFormatError } from "@/lib/tables/read-table";
import { xlsxRows } from "@/lib/tables/xlsx-rows";
import { zip } from "../setup/zip";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type Book = {
  /** The inside of <sheetData>, or a whole sheet part when `sheetXml` is set. */
  rows?: string;
  sheetXml?: string;
  strings?: string[];
  /** numFmtId of each cell style (cellXfs), and custom formats by id. */
  styles?: number[];
  formats?: Record<number, string>;
  date1904?: boolean;
  /** Where the workbook part lives (found through _rels/.rels when not xl/workbook.xml). */
  workbookAt?: string;
  leaveOut?: string[];
};

/** A hand-written .xlsx whose workbook part is stored last in the zip, as exceljs and other writers do. */
function xlsx(book: Book): Promise<Buffer> {
  const at = book.workbookAt ?? "xl/workbook.xml";
  const dir = path.posix.dirname(at);
  const parts: [string, string][] = [
    ["[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    [
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${at}"/></Relationships>`,
    ],
    [
      `${dir}/_rels/${path.posix.basename(at)}.rels`,
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/first.xml"/>
        <Relationship Id="rId8" Type="${REL}/worksheet" Target="/${dir}/worksheets/second.xml"/>
        <Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
        <Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      `${dir}/worksheets/second.xml`,
      `<worksheet ${NS}><sheetData><row r="1"><c><v>2</v></c></row></sheetData></worksheet>`,
    ],
    [
      `${dir}/worksheets/first.xml`,
      book.sheetXml ?? `<worksheet ${NS}><sheetData>${book.rows ?? ""}</sheetData></worksheet>`,
    ],
    [
      `${dir}/sharedStrings.xml`,
      `<sst ${NS}>${(book.strings ?? []).map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join("")}</sst>`,
    ],
    [
      `${dir}/styles.xml`,
      `<styleSheet ${NS}><numFmts>${Object.entries(book.formats ?? {})
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replaceAll('"', "&quot;")}"/>`)
        .join("")}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${[0, ...(book.styles ?? [])]
        .map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`)
        .join("")}</cellXfs><dxfs><dxf><numFmt numFmtId="3" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
    ],
    [
      at,
      `<workbook ${NS}><workbookPr${book.date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="Một" sheetId="2" r:id="rId7"/><sheet name="Hai" sheetId="1" r:id="rId8"/></sheets></workbook>`,
    ],
  ];
  return zip(parts.filter(([name]) => !book.leaveOut?.includes(name)));
}

async function cells(file: Buffer, limits: Partial<typeof TABLE_LIMITS> = {}) {
  const rows: [number, string[]][] = [];
  for await (const row of xlsxRows({ buffer: file }, { ...TABLE_LIMITS, ...limits }))
    rows.push([row.number, row.cells]);
  return rows;
}

async function readAll(file: Buffer, limits: Partial<typeof TABLE_LIMITS> = {}) {
  const rows = [];
  for await (const row of readTable({ buffer: file, fileName: "f.xlsx" }, FIGURE_COLUMNS, limits)) rows.push(row);
  return rows;
}

const HEADER =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>indicator</t></is></c><c r="C1" t="inlineStr"><is><t>as_of</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>';

describe("an Excel workbook whose workbook part comes last in the zip", () => {
  it("reads the same, every time (500 reads of an exceljs-written file)", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Số liệu");
    sheet.addRow(["unit_code", "indicator", "as_of", "value"]);
    sheet.addRow(["00001", "CCCD_INTAKE", new Date(Date.UTC(2023, 3, 2)), 100]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const zipFile = await yauzl.fromBufferPromise(file);
    const names: string[] = [];
    for await (const entry of zipFile.eachEntry()) names.push(entry.fileName);
    expect(names.at(-1)).toBe("xl/workbook.xml");

    const expected = [
      { line: 2, values: { unit_code: "00001", indicator: "CCCD_INTAKE", as_of: "2023-04-02", value: "100" } },
    ];
    let failures = 0;
    for (let i = 0; i < 500; i++) {
      const rows = await readAll(file).catch(() => null);
      if (JSON.stringify(rows) !== JSON.stringify(expected)) failures++;
    }
    expect(failures).toBe(0);
  });
});

describe("cells of an Excel sheet", () => {
  it("read as the import sees them: strings of every kind, numbers, dates, formulas, booleans, gaps", async () => {
    const file = await xlsx({
      strings: [
        "unit_code",
        '<r><rPr><b/></rPr><t>ind</t></r><r><t xml:space="preserve">icator </t></r><rPh sb="0" eb="1"><t>ふり</t></rPh>',
        '<t xml:space="preserve">  A &amp; B  </t>',
      ],
      styles: [14, 22, 164, 165, 166, 47],
      formats: { 164: "dd/mm/yyyy", 165: '#,##0 "đơn vị"', 166: "[Red]0.00" },
      rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="E1" t="s"><v>9</v></c></row>
        <row r="3"><c r="A3" s="1"><v>45017</v></c><c r="B3" s="2"><v>45017.75</v></c><c r="C3" s="3"><v>45017</v></c><c r="D3" s="4"><v>45017</v></c><c r="E3" s="5"><v>1.50</v></c><c r="F3" s="6"><v>0.5</v></c><c r="G3"><v>1E3</v></c></row>
        <row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="b"><v>0</v></c><c r="E4" t="e"><v>#N/A</v></c><c r="F4" t="d"><v>2023-04-02T00:00:00</v></c><c r="G4"><f>A4</f></c><c r="H4" s="1"><f>A3+7</f><v>45024</v></c></row>
        <row r="7"><c r="C7"><v>3</v></c><c r="F7" s="1"/><c r="H7" t="inlineStr"><is><t>x</t></is></c></row>
        <row><c><v>1</v></c><c><v>2</v></c></row>
        <row r="12" s="1" customFormat="1"><c r="A12"><v>45017</v></c><c r="B12" s="4"><v>7</v></c></row>
        <row r="13"/>`,
    });
    const rows = await cells(file);
    expect(rows.map(([n]) => n)).toEqual([1, 3, 4, 7, 8, 12, 13]);
    expect(rows[0]?.[1]).toEqual(["unit_code", "indicator", "A & B", "inline", ""]);
    expect(rows[1]?.[1]).toEqual(["2023-04-01", "2023-04-01", "2023-04-01", "45017", "1.5", "1899-12-30", "1000"]);
    expect(rows[2]?.[1]).toEqual(["2", "ab", "true", "false", "", "2023-04-02", "", "2023-04-08"]);
    const sparse = rows[3]?.[1] ?? [];
    expect([sparse.length, 0 in sparse, sparse[2], 5 in sparse, sparse[7]]).toEqual([8, false, "3", false, "x"]);
    expect(rows[4]?.[1]).toEqual(["1", "2"]);
    expect(rows[5]?.[1]).toEqual(["2023-04-01", "7"]);
    expect(rows[6]?.[1]).toEqual([]);

    const in1904 = await cells(
      await xlsx({ date1904: true, styles: [14], rows: '<row r="1"><c r="A1" s="1"><v>45017</v></c></row>' }),
    );
    expect(in1904).toEqual([[1, ["2027-04-02"]]]);
  });

  it("of a sheet with prefixed element names, a workbook found through the package relationships, and only the first sheet", async () => {
    const sheetXml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(await cells(await xlsx({ sheetXml, workbookAt: "book/main.xml" }))).toEqual([[2, [undefined, "ok"]]]);
  });

  it("fill the import's rows by header, skipping empty rows", async () => {
    const file = await xlsx({
      strings: ["unit_code"],
      styles: [14],
      rows: `${HEADER}<row r="2"/><row r="3"><c r="B3" t="s"><v>9</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t> 00001 </t></is></c><c r="B4" t="inlineStr"><is><t>CCCD_INTAKE</t></is></c><c r="C4" s="1"><v>45018</v></c><c r="D4"><v>100</v></c></row>`,
    });
    expect(await readAll(file)).toEqual([
      { line: 4, values: { unit_code: "00001", indicator: "CCCD_INTAKE", as_of: "2023-04-02", value: "100" } },
    ]);
  });
});

describe("an Excel file out of bounds or broken", () => {
  const refused = async (file: Buffer, message: RegExp, limits: Partial<typeof TABLE_LIMITS> = {}) => {
    const reading = readAll(file, limits);
    await expect(reading).rejects.toBeInstanceOf(TableFormatError);
    await expect(reading).rejects.toThrow(message);
  };

  it("refuses a value past column 100, but not an empty formatted cell there", async () => {
    const wide = `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="CV2"><v>1</v></c><c r="CW2"><v>1</v></c></row>`;
    await refused(
      await xlsx({ strings: ["unit_code"], rows: wide }),
      /^dòng 2: có ô ở cột thứ 101, nhiều nhất 100 cột\.$/,
    );
    const formatted = `${HEADER}<row r="2"><c r="A2"><v>1</v></c><c r="XFD2" s="1"/></row>`;
    expect(await readAll(await xlsx({ strings: ["unit_code"], styles: [0], rows: formatted }))).toHaveLength(1);
  });

  it("refuses an over-long cell by row and column, inline, shared or as one huge number", async () => {
    const long = "X".repeat(TABLE_LIMITS.recordChars + 1);
    const inline = `${HEADER}<row r="2"><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row>`;
    await refused(await xlsx({ strings: ["unit_code"], rows: inline }), /^dòng 2, cột thứ 2: ô dài hơn 65\.536 ký tự/);
    const shared = `${HEADER}<row r="5"><c r="C5" t="s"><v>1</v></c></row>`;
    await refused(await xlsx({ strings: ["unit_code", long], rows: shared }), /^dòng 5, cột thứ 3: ô dài hơn/);
    const huge = `${HEADER}<row r="6"><c r="D6"><v>${"9".repeat(3_000_000)}</v></c></row>`;
    await refused(await xlsx({ strings: ["unit_code"], rows: huge }), /^dòng 6, cột thứ 4: ô dài hơn 1\.000 ký tự/, {
      recordChars: 1_000,
    });
    // A string nobody uses is no reason to refuse the file.
    expect(await readAll(await xlsx({ strings: ["unit_code", long], rows: HEADER }))).toEqual([]);
  });

  it("names what is missing or broken", async () => {
    await refused(
      await xlsx({ rows: HEADER, leaveOut: ["xl/workbook.xml"] }),
      /không đọc được tệp Excel: thiếu phần xl\/workbook\.xml .*lưu lại bằng Excel rồi thử lại/,
    );
    await refused(
      await xlsx({ rows: HEADER, leaveOut: ["xl/worksheets/first.xml"] }),
      /thiếu trang tính đầu tiên \(xl\/worksheets\/first\.xml\)/,
    );
    await refused(
      await xlsx({ rows: HEADER, leaveOut: ["xl/_rels/workbook.xml.rels"] }),
      /thiếu phần xl\/_rels\/workbook\.xml\.rels/,
    );
    await refused(
      await xlsx({ strings: ["unit_code"], rows: `${HEADER}<row r="2"><c r="A2"><v>1</c></row>` }),
      /phần xl\/worksheets\/first\.xml không đúng dạng XML .*lưu lại bằng Excel/,
    );
    await refused(await xlsx({ rows: "" }), /^dòng 1: trang tính đầu tiên rỗng/);
  });

  it("closes the file when the reader stops early", async () => {
    const file = path.join(os.tmpdir(), `early-${process.pid}.xlsx`);
    const rows = Array.from({ length: 500 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`);
    writeFileSync(file, await xlsx({ strings: ["unit_code"], rows: HEADER + rows.join("") }));
    const open = () => readdirSync("/proc/self/fd").length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      for await (const _ of readTable({ path: file }, FIGURE_COLUMNS)) break;
    }
    expect(open()).toBe(before);
  });
});
