import { beforeEach, describe, expect, it } from "vitest";
import { FIGURE_COLUMNS, importFigures } from "@/lib/imports/import-figures";
import { importTemplate } from "@/lib/imports/import-template";
import { formatProblem } from "@/lib/imports/row-checks";
import { readTable } from "@/lib/tables/read-table";
import { actorAt } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();

beforeEach(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
});

describe("a template to fill in", () => {
  it("names the officer's own units and the indicators entered by hand, and imports back once partly filled", async () => {
    const officer = await actorAt(prisma, "PROVINCE_OFFICER", "11");
    const { fileName, text } = await importTemplate(prisma, officer, "figures", day("2026-11-19"));
    expect(fileName).toBe("mau-so-lieu-11-2026-11-15.csv");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("unit_code;indicator;as_of;value;denominator;ten_don_vi;ten_chi_tieu");
    // Sigma (11) and its two communes, in force on the day, one line per indicator entered by hand.
    const codes = [...new Set(lines.slice(1).map((l) => l.split(";")[0]))];
    expect(codes).toEqual(["11", "11001", "11002"]);
    expect(lines.find((l) => l.startsWith("11;CCCD_INTAKE;"))).toMatch(/^11;CCCD_INTAKE;15\/11\/2026;;;Tỉnh Sigma;/);

    // One value typed in, the rest left as they were: one figure, the empty lines said once.
    const filled = [lines[0], (lines[1] as string).replace("15/11/2026;;", "15/11/2026;1.234;"), ...lines.slice(2)];
    const report = await importFigures(
      prisma,
      readTable({ buffer: Buffer.from(`\uFEFF${filled.join("\r\n")}\r\n`), fileName: fileName }, FIGURE_COLUMNS),
      { actor: officer.username, source: "test", today: day("2026-11-19"), allowedUnitIds: undefined },
    );
    expect(report.errors).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.inserted).toBe(1);
    // The lines left empty are not counted as rows read in: only the one filled in is.
    expect(report.rows).toBe(1);
    expect(report.warnings.map(formatProblem)[0]).toMatch(
      new RegExp(`^dòng 3, cột value: ${lines.length - 2} dòng để trống value được bỏ qua`),
    );
  });

  it("refuses an account that may not enter figures", async () => {
    const viewer = await actorAt(prisma, "LEADERSHIP_VIEWER", "11");
    await expect(importTemplate(prisma, viewer, "figures")).rejects.toThrow(/không được nhập số liệu/);
  });
});
