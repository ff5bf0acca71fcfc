import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { runReconcile } from "@/lib/cli/reconcile-command";
import { saveFigures } from "@/lib/entry/save-figures";
import { REFERENCE_COLUMNS } from "@/lib/reconciliation/import-reference";
import { detectCorrections } from "@/lib/reconciliation/register";
import { runReconciliation } from "@/lib/reconciliation/run-reconciliation";
import { withinTolerance } from "@/lib/reconciliation/tolerance";
import { readTable } from "@/lib/tables/read-table";
import { actorAt, requestId, writeFingerprint } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { csv, loadFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const TOLERANCE = { absolute: 10, percentHundredths: 100 };

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  await loadFigures(
    prisma,
    `unit_code,indicator,as_of,value
00001,CCCD_INTAKE,2026-11-22,1000
00002,CCCD_INTAKE,2026-11-22,1000
00003,CCCD_INTAKE,2026-11-22,2000
00004,CCCD_INTAKE,2026-11-22,2000
00006,CCCD_INTAKE,2026-11-22,5000`,
  );
});

const extract = (text: string) => readTable({ buffer: csv(text), fileName: "c06.csv" }, REFERENCE_COLUMNS);
const header = "unit_code,indicator,as_of,value,source";

describe("the tolerance", () => {
  it("accepts a gap within the absolute or the relative bound, both edges included", () => {
    expect(withinTolerance(1_010, 1_000, { absolute: 10, percentHundredths: 0 })).toBe(true);
    expect(withinTolerance(1_011, 1_000, { absolute: 10, percentHundredths: 0 })).toBe(false);
    expect(withinTolerance(1_015, 1_000, { absolute: 0, percentHundredths: 150 })).toBe(true);
    expect(withinTolerance(1_016, 1_000, { absolute: 0, percentHundredths: 150 })).toBe(false);
    expect(withinTolerance(null, 0, { absolute: 10, percentHundredths: 100 })).toBe(false);
  });
});

describe("reconciling an extract with the entered figures", () => {
  it("lists exactly the units outside the tolerance, writes the register and never the figures", async () => {
    const before = await writeFingerprint(prisma);
    const result = await runReconciliation(
      prisma,
      extract(`${header}
00001,CCCD_INTAKE,2026-11-22,1010,CSDLQG về dân cư
00002,CCCD_INTAKE,2026-11-22,1011,CSDLQG về dân cư
00003,CCCD_INTAKE,2026-11-22,2020,CSDLQG về dân cư
00004,CCCD_INTAKE,2026-11-22,1979,CSDLQG về dân cư
00005,CCCD_INTAKE,2026-11-22,300,CSDLQG về dân cư`),
      { actor: "c06", fileName: "c06.csv", tolerance: TOLERANCE },
    );
    expect(result.errorCount).toBe(0);
    // 00001: −10 = the absolute bound. 00003: −20 ≤ 1 % of 2,020. 00002: −11 > 10 and > 10,11.
    // 00004: +21 > 19,79. 00005: nothing entered.
    expect(result.discrepancies).toEqual([
      { unit: "00002", indicator: "CCCD_INTAKE", asOf: "2026-11-22", entered: 1000, reference: 1011, difference: -11 },
      { unit: "00004", indicator: "CCCD_INTAKE", asOf: "2026-11-22", entered: 2000, reference: 1979, difference: 21 },
      { unit: "00005", indicator: "CCCD_INTAKE", asOf: "2026-11-22", entered: null, reference: 300, difference: null },
    ]);
    const after = await writeFingerprint(prisma);
    expect(after?.figures).toBe(before?.figures);
    expect(after?.figure_values).toBe(before?.figure_values);
    const register = await prisma.discrepancy.findMany({ orderBy: { id: "asc" }, include: { unit: true } });
    expect(register.map((d) => [d.unit.code, d.status])).toEqual([
      ["00002", "OPEN"],
      ["00004", "OPEN"],
      ["00005", "OPEN"],
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { entity: { in: ["discrepancy", "reference_import"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["import", "open", "open", "open"]);
  });

  it("marks a discrepancy corrected once its owner saves a figure that agrees, audited", async () => {
    const officer = await actorAt(prisma, "COMMUNE_OFFICER", "00002");
    const figure = await prisma.figure.findFirstOrThrow({ where: { unit: { code: "00002" } } });
    await saveFigures(prisma, officer, {
      requestId: requestId(),
      week: "2026-11-22",
      entries: [{ unit: "00002", indicator: "CCCD_INTAKE", value: 1011, version: figure.version }],
    });
    expect(await prisma.$transaction((tx) => detectCorrections(tx, "system"))).toBe(1);
    const row = await prisma.discrepancy.findFirstOrThrow({ where: { unit: { code: "00002" } } });
    expect(row.status).toBe("CORRECTED");
    expect(Number(row.entered)).toBe(1011);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entity: "discrepancy", action: "correct" } });
    expect(entry.entityId).toBe(row.id);
  });

  it("takes a tolerance for the run: 2,5 % lets 00004 agree", async () => {
    const result = await runReconciliation(
      prisma,
      extract(`${header}\n00004,CCCD_INTAKE,2026-11-22,1979,CSDLQG về dân cư`),
      { actor: "c06", fileName: "c06.csv", tolerance: { absolute: 0, percentHundredths: 250 } },
    );
    expect(result.discrepancies).toEqual([]);
  });

  it("refuses an extract with a wrong row, naming its row and column, and writes nothing", async () => {
    const before = await prisma.referenceFigure.count();
    const result = await runReconciliation(
      prisma,
      extract(`${header}
00001,CCCD_INTAKE,2026-11-22,1010,CSDLQG về dân cư
00002,KHONG_CO,2026-11-22,5,CSDLQG về dân cư
00003,CCCD_INTAKE,2026-11-22,-4,CSDLQG về dân cư
00004,CCCD_INTAKE,2026-11-22,12,`),
      { actor: "c06", fileName: "sai.csv" },
    );
    expect(result.importId).toBeNull();
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "indicator"],
      [4, "value"],
      [5, "source"],
    ]);
    expect(await prisma.referenceFigure.count()).toBe(before);
  });
});

describe("npm run cli -- reconcile", () => {
  async function run(content: string, flags: { json?: boolean; "tolerance-percent"?: string }) {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "reconcile-")), "c06.csv");
    await fs.writeFile(file, content);
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    const error = vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
    try {
      return { code: await runReconcile([file], flags), out, err };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it("prints the discrepancies as JSON with exactly the six fields, and exits 0", async () => {
    const result = await run(`${header}\n00006,CCCD_INTAKE,2026-11-22,4000,CSDLQG\n`, {
      json: true,
      "tolerance-percent": "5",
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join(""))).toEqual([
      { unit: "00006", indicator: "CCCD_INTAKE", asOf: "2026-11-22", entered: 5000, reference: 4000, difference: 1000 },
    ]);
  });

  it("prints a table by default, and exits 2 with the row's problem on a bad file", async () => {
    const table = await run(`${header}\n00006,CCCD_INTAKE,2026-11-22,4000,CSDLQG\n`, {});
    expect(table.code).toBe(0);
    expect(table.out[0]).toMatch(/^unit\s+indicator\s+asOf\s+entered\s+reference\s+difference$/);
    expect(table.out[1]).toMatch(/^00006\s+CCCD_INTAKE\s+2026-11-22\s+5000\s+4000\s+\+1000$/);
    const bad = await run(`${header}\n00006,CCCD_INTAKE,22/13/2026,4000,CSDLQG\n`, { json: true });
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("dòng 2, cột as_of");
    const header2 = await run("unit,value\n1,2\n", {});
    expect(header2.code).toBe(2);
    expect(header2.err.join("\n")).toContain("thiếu cột");
    expect((await run(`${header}\n`, { "tolerance-percent": "abc" })).code).toBe(2);
  });
});
