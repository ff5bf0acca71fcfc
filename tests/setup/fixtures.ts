import { bumpDataVersion } from "@/lib/db/data-version";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FIGURE_COLUMNS, importFigures } from "@/lib/imports/import-figures";
import { importTargets, TARGET_COLUMNS } from "@/lib/imports/import-targets";
import { OFFICIAL } from "@/lib/series/bases";
import { rebuildSeries } from "@/lib/series/refresh-series";
import { readTable } from "@/lib/tables/read-table";
import { importCrosswalk } from "@/lib/unit-imports/import-crosswalk";
import { importUnits } from "@/lib/unit-imports/import-units";
import { flattenUnitList } from "@/lib/unit-imports/unit-list-file";
import { resetDatabase } from "./database";

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day("2026-11-22");

export function csv(text: string) {
  return Buffer.from(`${text.trim()}\n`);
}

export function figureRows(text: string) {
  return readTable({ buffer: csv(text), fileName: "figures.csv" }, FIGURE_COLUMNS);
}

export async function loadFigures(prisma: PrismaClient, text: string) {
  const report = await importFigures(prisma, figureRows(text), { actor: "test", source: "test", today: TODAY });
  if (report.errors.length) throw new Error(JSON.stringify(report.errors));
  return report;
}

export async function loadTargets(prisma: PrismaClient, text: string) {
  const rows = readTable({ buffer: csv(text), fileName: "targets.csv" }, TARGET_COLUMNS);
  const report = await importTargets(prisma, rows, { actor: "test", source: "test", today: TODAY });
  if (report.errors.length) throw new Error(JSON.stringify(report.errors));
  return report;
}

const named = (Code: string, Name: string, FullName = Name) => ({ Code, Name, NameEn: Name, FullName });

/**
 * A small 3-level structure from 2023-01-01:
 *   01 Alpha: districts 001 (communes 00001, 00002) and 002 (00003)
 *   02 Beta: 003 (00004) · 03 Gamma: 004 (00005) · 04 Delta: 005 (00006)
 * and, when `reorganise`, a 2-level one from 2025-07-01 with the crosswalk:
 *   10 Omega ← 01 + 02 (00003 split into 10002 and 10003, both in Omega)
 *   11 Sigma ← 03 + 04 (00005 split between 10004 in Omega and 11001 in Sigma)
 */
export async function loadSmallStructure(prisma: PrismaClient, reorganise = false) {
  const province = (code: string, name: string, districts: ReturnType<typeof district>[]) => ({
    ...named(code, name, `Tỉnh ${name}`),
    District: districts,
  });
  const district = (code: string, name: string, communes: string[]) => ({
    ...named(code, name, `Huyện ${name}`),
    Ward: communes.map((c) => named(c, `X${c}`, `Xã X${c}`)),
  });
  const before = [
    province("01", "Alpha", [district("001", "A1", ["00001", "00002"]), district("002", "A2", ["00003"])]),
    province("02", "Beta", [district("003", "B1", ["00004"])]),
    province("03", "Gamma", [district("004", "G1", ["00005"])]),
    province("04", "Delta", [district("005", "D1", ["00006"])]),
  ];
  await importUnits(prisma, flattenUnitList(before), day("2023-01-01"));
  if (!reorganise) return;
  const after = [
    {
      ...named("10", "Omega", "Tỉnh Omega"),
      Wards: ["10001", "10002", "10003", "10004", "10005"].map((c) => named(c, `N${c}`, `Xã N${c}`)),
    },
    { ...named("11", "Sigma", "Tỉnh Sigma"), Wards: ["11001", "11002"].map((c) => named(c, `N${c}`, `Xã N${c}`)) },
  ];
  await importUnits(prisma, flattenUnitList(after), day("2025-07-01"));
  const to = (...ids: string[]) => ids.map((new_id) => ({ new_id }));
  await importCrosswalk(
    prisma,
    {
      data: [
        {
          level1_id: "01",
          splits: to("10"),
          level3s: [
            { level3_id: "00001", splits: to("10001") },
            { level3_id: "00002", splits: to("10001") },
            { level3_id: "00003", splits: to("10002", "10003") },
          ],
        },
        { level1_id: "02", splits: to("10"), level3s: [{ level3_id: "00004", splits: to("10005") }] },
        { level1_id: "03", splits: to("11"), level3s: [{ level3_id: "00005", splits: to("10004", "11001") }] },
        { level1_id: "04", splits: to("11"), level3s: [{ level3_id: "00006", splits: to("11002") }] },
      ],
    },
    day("2025-06-30"),
    day("2025-07-01"),
  );
}

/** Targets and weekly figures on the small structure; expected values are worked out in the tests. */
export async function loadSmallFigures(prisma: PrismaClient) {
  await loadTargets(
    prisma,
    `unit_code,indicator,target,deadline,directive,assigned_on
01,CCCD_INTAKE,1000,2023-06-30,Điện số 16/HT,2023-03-21
02,CCCD_INTAKE,500,2023-06-30,Điện số 16/HT,2023-03-21
03,CCCD_INTAKE,400,2023-06-30,Điện số 16/HT,2023-03-21
03,CCCD_INTAKE,200,2023-06-30,Điện số 20/HT,2023-05-01
04,CCCD_INTAKE,1000,2023-06-30,Điện số 16/HT,2023-03-21
001,CCCD_INTAKE,600,2023-06-30,KH 1/CAT,2023-03-25
002,CCCD_INTAKE,400,2023-06-30,KH 1/CAT,2023-03-25`,
  );
  const weeks = ["2023-04-02", "2023-04-09", "2023-04-16", "2023-04-23", "2023-04-30"];
  const series: Record<string, (number | null)[]> = {
    "00001": [100, 200, 300, 350, 400],
    "00002": [50, 100, 150, 200, 250],
    "00003": [100, 200, 300, null, 400],
    "00004": [100, 200, 300, 400, 500],
    "00005": [40, 80, 120, 160, 200],
    "00006": [250, 500, 750, 900, 1050],
  };
  const lines = ["unit_code,indicator,as_of,value"];
  for (const [code, values] of Object.entries(series)) {
    values.forEach((v, i) => {
      if (v !== null) lines.push(`${code},CCCD_INTAKE,${weeks[i]},${v}`);
    });
  }
  lines.push("02,CCCD_INTAKE,2023-04-30,520", "00005,CCCD_INTAKE,2023-05-07,240");
  await loadFigures(prisma, lines.join("\n"));
}

/** A fresh database holding the small structure with its figures and targets. */
export async function loadSmallWorld(prisma: PrismaClient) {
  await resetDatabase();
  await loadSmallStructure(prisma);
  await loadSmallFigures(prisma);
}

/**
 * Approves every unit's report for every week it has figures in, and builds the official
 * basis from them: for tests of what the public reads (official) against the figures loaded.
 */
export async function approveAllWeeks(prisma: PrismaClient) {
  await prisma.$executeRaw`
    INSERT INTO weekly_report (unit_id, week, status, submitted_by, submitted_at, approved_by, approved_at)
    SELECT DISTINCT f.unit_id, f.as_of + ((7 - extract(isodow FROM f.as_of)::int) % 7), 'APPROVED'::"ReportStatus",
           'setup', now(), 'setup', now()
    FROM figure f
    ON CONFLICT (unit_id, week) DO UPDATE SET status = 'APPROVED', approved_by = 'setup', approved_at = now()`;
  await rebuildOfficial(prisma);
}

/** Takes back what approveAllWeeks approved (the weeks open for changes again) and rebuilds the official basis. */
export async function withdrawApprovals(prisma: PrismaClient) {
  await prisma.$executeRaw`DELETE FROM weekly_report WHERE approved_by = 'setup'`;
  await rebuildOfficial(prisma);
}

/** Builds the official basis again from the approved weeks (after a test changes approvals directly). */
export async function rebuildOfficial(prisma: PrismaClient) {
  const indicators = await prisma.indicator.findMany({ select: { id: true } });
  await rebuildSeries(
    prisma,
    indicators.map((i) => i.id),
    [OFFICIAL],
  );
  await bumpDataVersion(prisma);
}
