import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { FIGURE_COLUMNS, importFigures } from "@/lib/imports/import-figures";
import { importTargets, TARGET_COLUMNS } from "@/lib/imports/import-targets";
import { formatProblem } from "@/lib/imports/row-checks";
import { readTable } from "@/lib/tables/read-table";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { csv, day, figureRows, loadFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const options = { actor: "test", source: "test", today: day("2026-11-22") };

beforeEach(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
});

describe("figure import: bad input writes nothing and names every problem", () => {
  it("lists each invalid row by line and column", async () => {
    const report = await importFigures(
      prisma,
      figureRows(`unit_code,indicator,as_of,value
00001,CCCD_INTAKE,2023-04-02,100
99999,CCCD_INTAKE,2023-04-02,100
00001,NOT_AN_INDICATOR,2023-04-02,100
00001,CCCD_INTAKE,2026-01-04,100
00001,CCCD_INTAKE,2023-04-09,
00001,CCCD_INTAKE,2023-04-16,-5
00001,CCCD_INTAKE,2023-04-23,12.5
00001,CCCD_INTAKE,2023-02-30,10
00001,CCCD_INTAKE,2027-01-03,10
00001,CCCD_INTAKE,2023-04-02,150`),
      options,
    );
    expect(report.written).toBe(false);
    expect(report.errors.map(formatProblem)).toEqual([
      "dòng 3, cột unit_code: không có đơn vị mã 99999",
      expect.stringMatching(/^dòng 4, cột indicator: không có chỉ tiêu "NOT_AN_INDICATOR"/),
      expect.stringMatching(/^dòng 5, cột unit_code: mã 00001 không có hiệu lực ngày 04\/01\/2026/),
      "dòng 7, cột value: -5 là số âm, cần ≥ 0",
      'dòng 8, cột value: "12.5" không phải số nguyên ≥ 0',
      'dòng 9, cột as_of: "2023-02-30" không phải ngày hợp lệ dạng YYYY-MM-DD hoặc dd/mm/yyyy',
      "dòng 10, cột as_of: 03/01/2027 là ngày trong tương lai",
      "dòng 11, cột unit_code: trùng với dòng 2 (cùng đơn vị, chỉ tiêu và ngày)",
    ]);
    // A row left empty (a template's untouched line) is skipped, and said so.
    expect(report.warnings.map(formatProblem)).toEqual([
      "dòng 6, cột value: 1 dòng để trống value được bỏ qua, không ghi gì (dòng 6)",
    ]);
    expect(await prisma.figure.count()).toBe(0);
    expect(await prisma.auditEntry.count()).toBe(0);
  });

  it("reads what Vietnamese Excel writes: semicolons, dd/mm/yyyy dates, grouped numbers; a weekday date says its week", async () => {
    const rows = readTable(
      {
        buffer: csv(`unit_code;indicator;as_of;value
00001;CCCD_INTAKE;02/04/2023;1.250
00002;CCCD_INTAKE;2023-04-02;"2.500"
00003;CCCD_INTAKE;08/04/2023;300`),
        fileName: "so-lieu.csv",
      },
      FIGURE_COLUMNS,
    );
    const report = await importFigures(prisma, rows, options);
    expect(report.errors).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.warnings.map(formatProblem)).toEqual([
      "dòng 4, cột as_of: 08/04/2023 không phải Chủ nhật: số liệu được tính vào tuần kết thúc Chủ nhật 09/04/2023",
    ]);
    const stored = await prisma.figure.findMany({ orderBy: { value: "asc" }, select: { value: true, asOf: true } });
    expect(stored.map((f) => [f.value, f.asOf.toISOString().slice(0, 10)])).toEqual([
      [300, "2023-04-08"],
      [1250, "2023-04-02"],
      [2500, "2023-04-02"],
    ]);
  });

  it("offers only the indicators a file may hold when a code is wrong, and refuses a computed one", async () => {
    await prisma.indicator.create({
      data: { code: "TY_LE_TINH", nameVi: "Tỷ lệ tính", nameEn: "Computed", kind: "DERIVED", sortOrder: 999 },
    });
    const report = await importFigures(
      prisma,
      figureRows(`unit_code,indicator,as_of,value
00001,NOPE,2023-04-02,1
00001,TY_LE_TINH,2023-04-02,1`),
      options,
    );
    const [unknown, computed] = report.errors.map(formatProblem);
    expect(unknown).toMatch(/^dòng 2, cột indicator: không có chỉ tiêu "NOPE" \(nhập được: .*CCCD_INTAKE/);
    expect(unknown).not.toContain("TY_LE_TINH");
    expect(computed).toMatch(
      /^dòng 3, cột indicator: chỉ tiêu "TY_LE_TINH" được tính từ chỉ tiêu khác, không nhập số liệu/,
    );
  });

  it("names missing columns", async () => {
    const rows = readTable(
      { buffer: csv("unit_code,indicator,value\n00001,CCCD_INTAKE,1"), fileName: "f.csv" },
      FIGURE_COLUMNS,
    );
    await expect(importFigures(prisma, rows, options)).rejects.toThrow(/dòng 1: thiếu cột as_of/);
  });
});

describe("figure import: valid files", () => {
  it("counts inserted, updated and unchanged rows, and audits each change with the value it replaced", async () => {
    const first = await loadFigures(
      prisma,
      "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-04-02,100\n00002,CCCD_INTAKE,2023-04-02,50",
    );
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, written: true });
    const second = await loadFigures(
      prisma,
      "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-04-02,120\n00002,CCCD_INTAKE,2023-04-02,50",
    );
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const figure = await prisma.figure.findFirstOrThrow({ where: { unit: { code: "00001" } } });
    expect(figure).toMatchObject({ value: 120, version: 2 });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: figure.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.oldValue, (a.newValue as { value: number }).value])).toEqual([
      ["create", null, 100],
      ["update", { value: 100, version: 1 }, 120],
    ]);
  });

  it("warns, but imports, a cumulative figure that went down or jumped far above its usual weekly increase", async () => {
    await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value
00001,CCCD_INTAKE,2023-04-02,100
00001,CCCD_INTAKE,2023-04-09,200
00001,CCCD_INTAKE,2023-04-16,300
00001,CCCD_INTAKE,2023-04-23,400`,
    );
    const report = await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value
00001,CCCD_INTAKE,2023-04-30,380
00002,CCCD_INTAKE,2023-04-02,10
00001,CCCD_INTAKE,2023-05-07,2000`,
    );
    expect(report.written).toBe(true);
    expect(report.warnings.map(formatProblem)).toEqual([
      "dòng 2, cột value: số cộng dồn giảm từ 400 (ngày 23/04/2023) xuống 380",
      "dòng 4, cột value: tăng 1620/tuần, cao bất thường so với mức thường 100/tuần",
    ]);
  });

  it("reads Excel files, dates and numbers as typed in cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Số liệu");
    sheet.addRow(["unit_code", "indicator", "as_of", "value"]);
    sheet.addRow(["00001", "CCCD_INTAKE", new Date(Date.UTC(2023, 3, 2)), 100]);
    sheet.addRow(["00003", "cccd_intake", "2023-04-02", "1.234"]);
    const file = path.join(os.tmpdir(), `figures-${process.pid}.xlsx`);
    await workbook.xlsx.writeFile(file);
    const report = await importFigures(prisma, readTable({ path: file }, FIGURE_COLUMNS), options);
    expect(report).toMatchObject({ errors: [], inserted: 2 });
    const values = await prisma.figure.findMany({
      select: { value: true, unit: { select: { code: true } } },
      orderBy: { value: "asc" },
    });
    expect(values.map((v) => [v.unit.code, v.value])).toEqual([
      ["00001", 100],
      ["00003", 1234],
    ]);
  });
});

describe("target import", () => {
  it("checks deadlines and directives, and keeps a later assignment beside the earlier one", async () => {
    const bad = await importTargets(
      prisma,
      readTable(
        {
          buffer: csv(
            "unit_code,indicator,target,deadline,directive,assigned_on\n01,CCCD_INTAKE,0,2023-01-01,,2023-03-21",
          ),
          fileName: "t.csv",
        },
        TARGET_COLUMNS,
      ),
      options,
    );
    expect(bad.errors.map(formatProblem)).toEqual([
      "dòng 2, cột target: chỉ tiêu phải lớn hơn 0",
      "dòng 2, cột deadline: hạn hoàn thành trước ngày giao chỉ tiêu",
      "dòng 2, cột directive: trống, cần số hiệu văn bản giao chỉ tiêu (ví dụ Điện số 16/HT)",
    ]);
    const good = `unit_code,indicator,target,deadline,directive,assigned_on
01,CCCD_INTAKE,1000,2023-06-30,Điện số 16/HT,2023-03-21
01,CCCD_INTAKE,1200,2023-09-30,Điện số 20/HT,2023-05-01`;
    const report = await importTargets(
      prisma,
      readTable({ buffer: csv(good), fileName: "t.csv" }, TARGET_COLUMNS),
      options,
    );
    expect(report).toMatchObject({ inserted: 2, written: true });
    expect(await prisma.auditEntry.count({ where: { entity: "target" } })).toBe(2);
  });
});
