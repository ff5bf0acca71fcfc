import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import type { Actor } from "@/lib/access/actor";
import { type Period, parsePeriod } from "@/lib/calendar/periods";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConflictError, ForbiddenError, InvalidParamError } from "@/lib/errors";
import { weeklyWorkbook } from "@/lib/exports/weekly-workbook";
import { importFigures } from "@/lib/imports/import-figures";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { getRanking } from "@/lib/rankings/get-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { backfillScores } from "@/lib/series/refresh-scores";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import {
  approveAllWeeks,
  day,
  figureRows,
  loadFigures,
  loadSmallFigures,
  loadSmallStructure,
  loadTargets,
  withdrawApprovals,
} from "../setup/fixtures";

const prisma = connectTestDatabase();
const admin: Actor = { id: 1, username: "quantri", displayName: "Quản trị", role: "MINISTRY_ADMIN", unitId: null };
const api = (path: string) => new Request(`http://localhost${path}`);

function cli(...args: string[]) {
  return spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
  });
}

const rank = (indicator: string, level: "PROVINCE" | "DISTRICT", asOf = "2023-04-30", more = {}) =>
  getRanking(prisma, { basis: "live", indicator, level, asOf: day(asOf), ...more });
const pick = (items: RankingItem[], ...fields: (keyof RankingItem)[]) => items.map((i) => fields.map((f) => i[f]));

/** Ratios TY_LE_<a> and TY_LE_<b>, and the scorecard DIEM_<ab> giving each 50 points. */
async function defineEvenScorecard(a: string, b: string, bands?: number[]) {
  for (const x of [a, b])
    await defineIndicator(prisma, admin, { code: `TY_LE_${x}`, kind: "RATIO", nameVi: `Tỷ lệ ${x}` });
  await defineIndicator(prisma, admin, {
    code: `DIEM_${a}${b}`,
    kind: "COMPOSITE",
    nameVi: `Điểm ${a} và ${b}`,
    components: [
      { code: `TY_LE_${a}`, weight: 50 },
      { code: `TY_LE_${b}`, weight: 50 },
    ],
    ...(bands ? { bands } : {}),
  });
}

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  const created = cli(
    "indicator",
    "create",
    "--code",
    "BHYT_SYNC",
    "--kind",
    "RATIO",
    "--name",
    "Thẻ CCCD đồng bộ BHYT",
  );
  expect(created.status, created.stderr).toBe(0);
  expect(created.stdout).toContain("✓ Đã tạo chỉ tiêu BHYT_SYNC");
  await defineIndicator(prisma, admin, { code: "DVC_THIET_YEU", kind: "CHECKLIST", nameVi: "Dịch vụ công thiết yếu" });
  await defineIndicator(prisma, admin, { code: "HS_TRUC_TUYEN", kind: "RATIO", nameVi: "Hồ sơ trực tuyến" });
  await loadFigures(
    prisma,
    `unit_code,indicator,as_of,value,denominator
00001,BHYT_SYNC,2023-04-09,0,2
00002,BHYT_SYNC,2023-04-09,1,4
00001,BHYT_SYNC,2023-04-30,1,2
00002,BHYT_SYNC,2023-04-30,3,4
00004,BHYT_SYNC,2023-04-30,9,10
00005,BHYT_SYNC,2023-04-30,10,10
001,DVC_THIET_YEU,2023-04-30,25,25
002,DVC_THIET_YEU,2023-04-30,21,25
003,DVC_THIET_YEU,2023-04-30,25,25
001,HS_TRUC_TUYEN,2023-04-30,70,100
002,HS_TRUC_TUYEN,2023-04-30,30,50`,
  );
  await loadTargets(
    prisma,
    `unit_code,indicator,target,deadline,directive,assigned_on
001,HS_TRUC_TUYEN,80,2023-12-31,KH 2/CAT,2023-03-25
002,HS_TRUC_TUYEN,"50,0",2023-12-31,KH 2/CAT,2023-03-25`,
  );
});

describe("a ratio", () => {
  it("rolls up as the sum of numerators over the sum of denominators: 1/2 and 3/4 make 66,67 %, not 62,5 %", async () => {
    const districts = await rank("BHYT_SYNC", "DISTRICT");
    const a1 = districts.items.find((i) => i.code === "001");
    expect(a1).toMatchObject({ numerator: 4, denominator: 6, value: 4, target: null, percent: null });
    expect(a1?.ratio).toBeCloseTo(66.6667, 3);
    const provinces = await rank("BHYT_SYNC", "PROVINCE");
    // Without targets units rank by their ratio: Gamma 10/10, Beta 9/10, Alpha 4/6; Delta has none.
    expect(pick(provinces.items, "code", "rank", "numerator", "denominator")).toEqual([
      ["03", 1, 10, 10],
      ["02", 2, 9, 10],
      ["01", 3, 4, 6],
      ["04", null, null, null],
    ]);
  });

  it("ranks by ratio over its share target where there are targets (70/100 of 80 % is behind 30/50 of 50 %)", async () => {
    const { items } = await rank("HS_TRUC_TUYEN", "DISTRICT", "2023-04-30", { parent: "01" });
    expect(pick(items, "code", "rank", "ratio", "target")).toEqual([
      ["002", 1, 60, 50],
      ["001", 2, 70, 80],
    ]);
    expect(items[0]?.percent).toBeCloseTo(120, 9);
    expect(items[1]?.percent).toBeCloseTo(87.5, 9);
    // 002 reached 50 % on the day its figure arrived; 001 has not reached 80 %.
    expect(pick(items, "reachedOn")).toEqual([["2023-04-30"], [null]]);
  });

  it("gives the increase within a period in percentage points, and the rank change", async () => {
    // District 001 on 14/04/2023: (0 + 1)/(2 + 4) = 16,67 %; on 14/05: 4/6 = 66,67 %.
    const ranking = await getRanking(prisma, {
      basis: "live",
      indicator: "BHYT_SYNC",
      level: "DISTRICT",
      parent: "01",
      asOf: day("2023-05-14"),
      period: parsePeriod("month:2023-05") as Period,
    });
    expect(ranking).toMatchObject({ periodStart: "2023-04-15", periodEnd: "2023-05-14" });
    expect(ranking.items[0]).toMatchObject({ code: "001", rank: 1, previousRank: 1, rankChange: 0 });
    expect(ranking.items[0]?.change).toBeCloseTo(50, 9);
  });

  it("is carried across the 2025 reorganisation as sums: Omega ← Alpha 4/6 + Beta 9/10 = 13/16", async () => {
    const { items } = await rank("BHYT_SYNC", "PROVINCE", "2023-04-30", { structureOn: day("2025-07-01") });
    expect(pick(items, "code", "rank", "numerator", "denominator", "ratio")).toEqual([
      ["11", 1, 10, 10, 100],
      ["10", 2, 13, 16, 81.25],
    ]);
  });

  it("is the same in the API and the CLI", async () => {
    // The API, the CLI and the files read approved weeks: the figures so far are approved
    // for this test (and open again after it, for the tests that add figures).
    await approveAllWeeks(prisma);
    onTestFinished(() => withdrawApprovals(prisma));
    const path = "/api/v1/rankings?indicator=BHYT_SYNC&level=district&asOf=2023-04-30";
    const { total, offset, limit, ...fromApi } = await (await rankingsRoute(api(path))).json();
    const run = cli("rank", "--indicator", "BHYT_SYNC", "--level", "district", "--as-of", "2023-04-30", "--json");
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(fromApi);
    expect(fromApi.items[0]).toMatchObject({ code: "004", numerator: 10, denominator: 10, ratio: 100 });
  });
});

describe("a checklist", () => {
  it("rolls up items and counts the children that completed all of them", async () => {
    const { items } = await rank("DVC_THIET_YEU", "PROVINCE");
    expect(pick(items, "code", "rank", "numerator", "denominator", "childrenDone", "childrenTotal")).toEqual([
      ["02", 1, 25, 25, 1, 1],
      ["01", 2, 46, 50, 1, 2],
      ["03", null, null, null, 0, 1],
      ["04", null, null, null, 0, 1],
    ]);
  });
});

describe("a derived indicator", () => {
  it("is computed from the two indicators, never entered, and follows new figures", async () => {
    await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value
00001,CCCD_ELIGIBLE,2023-04-30,500
00002,CCCD_ELIGIBLE,2023-04-30,500
00003,CCCD_ELIGIBLE,2023-04-30,400`,
    );
    await defineIndicator(prisma, admin, {
      code: "CCCD_COVERAGE",
      kind: "DERIVED",
      nameVi: "Tỷ lệ thu nhận trên công dân đủ điều kiện",
      numerator: "CCCD_INTAKE",
      denominator: "CCCD_ELIGIBLE",
    });
    // Alpha on 30/04: intake 400 + 250 + 400 = 1050 of eligible 1400 = 75 %.
    const before = await rank("CCCD_COVERAGE", "PROVINCE");
    expect(before.items[0]).toMatchObject({ code: "01", numerator: 1050, denominator: 1400, ratio: 75 });
    await loadFigures(prisma, "unit_code,indicator,as_of,value\n00003,CCCD_ELIGIBLE,2023-04-30,600");
    const after = await rank("CCCD_COVERAGE", "PROVINCE");
    expect(after.items[0]).toMatchObject({ code: "01", numerator: 1050, denominator: 1600 });

    const report = await importFigures(
      prisma,
      figureRows("unit_code,indicator,as_of,value\n00001,CCCD_COVERAGE,2023-04-30,5"),
      { actor: "test", source: "test", today: day("2026-11-22") },
    );
    expect(report.errors).toEqual([
      {
        line: 2,
        column: "indicator",
        message: expect.stringMatching(
          /^chỉ tiêu "CCCD_COVERAGE" được tính từ chỉ tiêu khác, không nhập số liệu \(nhập được: /,
        ),
      },
    ]);
  });
});

describe("a scorecard", () => {
  it("scores weighted components exactly, with bands, ties and the gap to the unit above", async () => {
    await defineIndicator(prisma, admin, {
      code: "BO_CHI_SO",
      kind: "COMPOSITE",
      nameVi: "Bộ chỉ số phục vụ người dân",
      components: [
        { code: "BHYT_SYNC", weight: 60 },
        { code: "CCCD_INTAKE", weight: 40 },
      ],
      bands: [80, 90],
    });
    // BHYT (ratio, 60 points): Alpha 4/6 → 40, Beta 9/10 → 54, Gamma 10/10 → 60, Delta none → 0.
    // Intake (of target, 40 points, capped): Alpha 1050/1000 → 40, Beta 520/500 → 40,
    // Gamma 200/400 → 20, Delta 1050/1000 → 40. Alpha 80 and Gamma 80 tie exactly.
    const { items } = await rank("BO_CHI_SO", "PROVINCE");
    expect(pick(items, "code", "rank", "score", "maxScore", "band", "gapToAbove")).toEqual([
      ["02", 1, 94, 100, "≥ 90", null],
      ["01", 2, 80, 100, "80–90", 14],
      ["03", 2, 80, 100, "80–90", 0],
      ["04", 4, 40, 100, "< 80", 40],
    ]);
    expect(items[1]?.components).toEqual([
      { indicator: "BHYT_SYNC", weight: 60, points: 40, percent: (4 / 6) * 100 },
      { indicator: "CCCD_INTAKE", weight: 40, points: 40, percent: 105 },
    ]);
    const path = "/api/v1/rankings?indicator=BO_CHI_SO&level=province&asOf=2023-04-30";
    const { total, offset, limit, ...fromApi } = await (await rankingsRoute(api(path))).json();
    const run = cli("rank", "--indicator", "BO_CHI_SO", "--level", "province", "--as-of", "2023-04-30", "--json");
    expect(JSON.parse(run.stdout)).toEqual(fromApi);
    const csv = await (await rankingsRoute(api(`${path}&format=csv`))).text();
    expect(csv.split("\n")[0]).toContain("points_BHYT_SYNC");
  });

  it("ties scores that floating point tells apart: 50 × (1/2 + 1/3) and 50 × 5/6 are both 125/3", async () => {
    await defineEvenScorecard("C", "D");
    // Before any figure of its components every province is listed, unscored.
    expect(pick((await rank("DIEM_CD", "PROVINCE")).items, "code", "rank", "score")).toEqual([
      ["01", null, null],
      ["02", null, null],
      ["03", null, null],
      ["04", null, null],
    ]);
    // Gamma (district 004): 25 + 16,67 points; Delta (005): 41,67 + 0. Summed in floating
    // point they are 41.66666666666667 and 41.666666666666664.
    await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value,denominator
004,TY_LE_C,2023-04-30,1,2
004,TY_LE_D,2023-04-30,1,3
005,TY_LE_C,2023-04-30,5,6
005,TY_LE_D,2023-04-30,0,1`,
    );
    expect(50 / 2 + 50 / 3).not.toBe((50 * 5) / 6);
    const { items } = await rank("DIEM_CD", "PROVINCE");
    expect(pick(items, "code", "rank", "gapToAbove").slice(0, 2)).toEqual([
      ["03", 1, null],
      ["04", 1, 0],
    ]);
    expect(items[0]?.score).toBe(items[1]?.score);
    expect(items[0]?.score).toBeCloseTo(125 / 3, 12);

    // In June Delta reaches D: the May tie is the period before, read from the stored scores
    // and settled exactly, so both were first; Gamma did not move, a change of exactly 0.
    await loadFigures(prisma, "unit_code,indicator,as_of,value,denominator\n005,TY_LE_D,2023-06-04,1,1");
    const june = await rank("DIEM_CD", "PROVINCE", "2023-06-14", { period: parsePeriod("month:2023-06") });
    expect(pick(june.items, "code", "rank", "previousRank", "rankChange").slice(0, 2)).toEqual([
      ["04", 1, 1, 0],
      ["03", 2, 1, -1],
    ]);
    expect(june.items[0]?.change).toBeCloseTo(50, 9);
    expect(june.items[1]?.change).toBe(0);

    // Nothing changes after: by October Delta has been first for six months (from May, tied),
    // and for the 27 weeks from 30/04: runs longer than the periods read with the ranking.
    const october = await rank("DIEM_CD", "PROVINCE", "2023-10-14", { period: parsePeriod("month:2023-10") });
    expect(pick(october.items, "code", "periodsAtTop").slice(0, 2)).toEqual([
      ["04", 6],
      ["03", 0],
    ]);
    expect(pick((await rank("DIEM_CD", "PROVINCE", "2023-10-29")).items, "code", "periodsAtTop")[0]).toEqual([
      "04",
      27,
    ]);
  });
});

describe("a scorecard across the 2025 reorganisation", () => {
  it("scores the new provinces from their components carried over: Omega ← Alpha + Beta, Sigma ← Gamma + Delta", async () => {
    // BHYT: Omega 13/16 → 60 × 13/16 = 48,75; Sigma 10/10 → 60. Intake: Omega 1570 of 1500
    // → 40 (capped); Sigma 1250 of 1400 → 35,714…
    const { items } = await rank("BO_CHI_SO", "PROVINCE", "2023-04-30", { structureOn: day("2025-07-01") });
    expect(pick(items, "code", "rank")).toEqual([
      ["11", 1],
      ["10", 2],
    ]);
    expect(items[0]?.score).toBeCloseTo(60 + (40 * 1250) / 1400, 9);
    expect(items[1]?.score).toBeCloseTo(88.75, 9);
  });
});

describe("a scorecard's leaders and children", () => {
  beforeAll(async () => {
    await defineEvenScorecard("A", "B", [80, 90]);
    // Figures on the districts only; a province's ratio is its districts' sums. B is 10/10
    // (50 points) everywhere, so a score is 50 + 50 × A.
    // 09/04: Alpha (001 5/10 + 002 5/10) 75, Beta 95, Gamma (12/20) 80, Delta 55: Beta leads.
    // 16/04: Alpha 10/10 + 7/10 = 17/20 → 92,5, Beta 8/10 → 90: Alpha leads, and still on 23/04.
    // 30/04: Gamma 17/20 → 92,5 ties Alpha exactly.
    await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value,denominator
001,TY_LE_B,2023-04-09,10,10
002,TY_LE_B,2023-04-09,10,10
003,TY_LE_B,2023-04-09,10,10
004,TY_LE_B,2023-04-09,10,10
005,TY_LE_B,2023-04-09,10,10
001,TY_LE_A,2023-04-09,5,10
002,TY_LE_A,2023-04-09,5,10
003,TY_LE_A,2023-04-09,9,10
004,TY_LE_A,2023-04-09,12,20
005,TY_LE_A,2023-04-09,1,10
001,TY_LE_A,2023-04-16,10,10
002,TY_LE_A,2023-04-16,7,10
003,TY_LE_A,2023-04-16,8,10
004,TY_LE_A,2023-04-30,17,20`,
    );
  });

  it("counts the weeks in a row each leader has led, ties included", async () => {
    const { items } = await rank("DIEM_AB", "PROVINCE");
    expect(pick(items, "code", "rank", "score", "periodsAtTop")).toEqual([
      ["01", 1, 92.5, 3],
      ["03", 1, 92.5, 1],
      ["02", 3, 90, 0],
      ["04", 4, 55, 0],
    ]);
    // The same run counted by reporting weeks; a week earlier Alpha led alone.
    const week = parsePeriod("week:2023-04-30") as Period;
    const weeks = await rank("DIEM_AB", "PROVINCE", "2023-04-30", { period: week });
    expect(pick(weeks.items, "code", "periodsAtTop")).toEqual(pick(items, "code", "periodsAtTop"));
    expect(pick((await rank("DIEM_AB", "PROVINCE", "2023-04-23")).items, "code", "periodsAtTop")[0]).toEqual(["01", 2]);
    // A week on, nothing changed: the tie of 30/04 counts for both (settled exactly, not in floating point).
    expect(pick((await rank("DIEM_AB", "PROVINCE", "2023-05-07")).items, "code", "periodsAtTop").slice(0, 2)).toEqual([
      ["01", 4],
      ["03", 2],
    ]);
  });

  it("counts by the period asked for: in month 05/2023 (to 14/05) both leaders are first for the first month", async () => {
    const month = parsePeriod("month:2023-05") as Period;
    const { items } = await rank("DIEM_AB", "PROVINCE", "2023-05-14", { period: month });
    // Month 04/2023 ended on 14/04, when Beta led.
    expect(pick(items, "code", "periodsAtTop", "previousRank")).toEqual([
      ["01", 1, 3],
      ["03", 1, 2],
      ["02", 0, 1],
      ["04", 0, 4],
    ]);
  });

  it("counts the children whose score reaches the top band (90 % of the points; exactly 90 counts)", async () => {
    const ranking = await rank("DIEM_AB", "PROVINCE");
    expect(ranking.childrenThreshold).toBe(90);
    // Alpha: 001 100, 002 85; Beta: 003 90; Gamma: 004 92,5; Delta: 005 55.
    expect(pick(ranking.items, "code", "childrenDone", "childrenTotal")).toEqual([
      ["01", 1, 2],
      ["03", 1, 1],
      ["02", 1, 1],
      ["04", 0, 1],
    ]);
    // Districts' children are communes, which have no figures of their own here but sums
    // of nothing: none is scored, none counts.
    const districts = await rank("DIEM_AB", "DISTRICT", "2023-04-30", { parent: "01" });
    expect(pick(districts.items, "code", "childrenDone", "childrenTotal")).toEqual([
      ["001", 0, 2],
      ["002", 0, 1],
    ]);
    // Across the reorganisation there are neither children nor earlier rankings of the same units.
    const across = await rank("DIEM_AB", "PROVINCE", "2023-04-30", { structureOn: day("2025-07-01") });
    expect(pick(across.items, "childrenDone", "periodsAtTop")).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("gives the API, the CLI and the CSV the same leaders and children", async () => {
    // The API, the CLI and the files read approved weeks: the figures so far are approved
    // for this test (and open again after it, for the tests that add figures).
    await approveAllWeeks(prisma);
    onTestFinished(() => withdrawApprovals(prisma));
    const path = "/api/v1/rankings?indicator=DIEM_AB&level=province&asOf=2023-04-30";
    const { total, offset, limit, ...fromApi } = await (await rankingsRoute(api(path))).json();
    const run = cli("rank", "--indicator", "DIEM_AB", "--level", "province", "--as-of", "2023-04-30", "--json");
    expect(JSON.parse(run.stdout)).toEqual(fromApi);
    expect(fromApi.items[0]).toMatchObject({ code: "01", periodsAtTop: 3, childrenDone: 1, childrenTotal: 2 });
    const text = cli("rank", "--indicator", "DIEM_AB", "--level", "province", "--as-of", "2023-04-30");
    expect(text.stdout).toMatch(/Đứng đầu liên tiếp/);
    expect(text.stdout).toMatch(/Alpha .* 3 tuần/);
    const csv = (await (await rankingsRoute(api(`${path}&format=csv`))).text()).split("\n");
    const columns = (csv[0] ?? "").split(",");
    expect(columns).toContain("periodsAtTop");
    expect((csv[1] ?? "").split(",")[columns.indexOf("periodsAtTop")]).toBe("3");
  });
});

describe("the Excel report", () => {
  it("gives a ratio's numerator, denominator and ratio, and a scorecard's points, band and components", async () => {
    // The API, the CLI and the files read approved weeks: the figures so far are approved
    // for this test (and open again after it, for the tests that add figures).
    await approveAllWeeks(prisma);
    onTestFinished(() => withdrawApprovals(prisma));
    const { body } = await weeklyWorkbook(prisma, { asOf: day("2023-04-30") });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const rowsOf = (name: string) => {
      const sheet = book.worksheets.find((w) => w.name === name) as ExcelJS.Worksheet;
      return [3, 4, 5, 6, 7].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 8));
    };
    const ratio = rowsOf("Thẻ CCCD đồng bộ BHYT");
    expect(ratio[0]).toEqual(["Hạng", "Mã", "Tỉnh, thành phố", "Tử số", "Mẫu số", "Tỷ lệ", "Chỉ tiêu (tỷ lệ)"]);
    expect(ratio[3]?.slice(0, 5)).toEqual([3, "01", "Alpha", 4, 6]);
    expect(ratio[3]?.[5]).toBeCloseTo(4 / 6, 12);
    const score = rowsOf("Bộ chỉ số phục vụ người dân");
    expect(score[0]).toEqual([
      "Hạng",
      "Mã",
      "Tỉnh, thành phố",
      "Điểm",
      "Điểm tối đa",
      "Xếp loại",
      "Kém đơn vị trên (điểm)",
    ]);
    expect(score.slice(1).map((r) => r.slice(0, 6))).toEqual([
      [1, "02", "Beta", 94, 100, "≥ 90"],
      [2, "01", "Alpha", 80, 100, "80–90"],
      [2, "03", "Gamma", 80, 100, "80–90"],
      [4, "04", "Delta", 40, 100, "< 80"],
    ]);
    // The leaders' run at the top and the children in the top band close a scorecard's sheet.
    const sheet = book.worksheets.find((w) => w.name === "Điểm A và B") as ExcelJS.Worksheet;
    const tail = [3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(-3));
    expect(tail).toEqual([
      ["Đứng đầu liên tiếp (tuần)", "Đơn vị trực thuộc đạt nhóm cao nhất", "Đơn vị trực thuộc"],
      [3, 1, 2],
      [1, 1, 1],
    ]);
  });
});

describe("defining indicators", () => {
  it("is for ministry admins only, and names what is wrong", async () => {
    await expect(
      defineIndicator(
        prisma,
        { ...admin, role: "PROVINCE_ADMIN", unitId: 1 },
        { code: "X1", kind: "COUNT", nameVi: "Xxx" },
      ),
    ).rejects.toThrow(ForbiddenError);
    await expect(defineIndicator(prisma, admin, { code: "X2", kind: "DERIVED", nameVi: "Xxx" })).rejects.toThrow(
      new InvalidParamError("numerator", "Chỉ tiêu loại DERIVED cần numerator (mã một chỉ tiêu đã có)."),
    );
    await expect(
      defineIndicator(prisma, admin, {
        code: "X3",
        kind: "COMPOSITE",
        nameVi: "Xxx",
        components: [{ code: "BHYT_SYNC", weight: 10 }],
      }),
    ).rejects.toThrow(/ít nhất 2 thành phần/);
    const audit = await prisma.auditEntry.findFirst({ where: { entity: "indicator", action: "create" } });
    expect(audit).toMatchObject({ actor: "cli", unitId: null, newValue: { code: "BHYT_SYNC", kind: "RATIO" } });
  });

  it("answers a code taken meanwhile with a conflict, also when two admins create it at once", async () => {
    // The database's own refusal is recognised (what the losing insert of a race gets)...
    const duplicate = await prisma.indicator
      .create({ data: { code: "BHYT_SYNC", nameVi: "Trùng", nameEn: "Duplicate", kind: "RATIO", sortOrder: 999 } })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
    // ...so of two creations at once, one is made and the other is told the code is taken.
    const both = await Promise.allSettled(
      [1, 2].map(() => defineIndicator(prisma, admin, { code: "X5", kind: "RATIO", nameVi: "Hai lần" })),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toEqual(new ConflictError("Đã có chỉ tiêu mã X5."));
    expect(await prisma.indicator.count({ where: { code: "X5" } })).toBe(1);
  });
  it("refuses a derived ratio of a derived ratio, naming the part, from the service and the CLI", async () => {
    // CCCD_COVERAGE (intake over eligible) is derived in "a derived ratio" above.
    await defineIndicator(prisma, admin, {
      code: "VNEID_L2_ACTIVATION",
      kind: "DERIVED",
      nameVi: "Tỷ lệ kích hoạt mức 2",
      numerator: "VNEID_L2_ACTIVATED",
      denominator: "VNEID_L2_INTAKE",
    });
    const nested = defineIndicator(prisma, admin, {
      code: "X6",
      kind: "DERIVED",
      nameVi: "Tỷ lệ của hai tỷ lệ",
      numerator: "CCCD_COVERAGE",
      denominator: "VNEID_L2_ACTIVATION",
    });
    await expect(nested).rejects.toThrow(InvalidParamError);
    await expect(nested).rejects.toThrow(/CCCD_COVERAGE là chỉ tiêu tính từ hai chỉ tiêu khác, không dùng làm tử số/);
    const below = defineIndicator(prisma, admin, {
      code: "X6",
      kind: "DERIVED",
      nameVi: "Thu nhận trên tỷ lệ",
      numerator: "CCCD_INTAKE",
      denominator: "VNEID_L2_ACTIVATION",
    });
    await expect(below).rejects.toThrow(/VNEID_L2_ACTIVATION .*không dùng làm mẫu số/);
    const viaCli = cli(
      "indicator",
      "create",
      "--code",
      "X6",
      "--kind",
      "DERIVED",
      "--name",
      "Tỷ lệ của hai tỷ lệ",
      "--numerator",
      "CCCD_COVERAGE",
      "--denominator",
      "VNEID_L2_ACTIVATION",
    );
    expect(viaCli.status).toBe(2);
    expect(viaCli.stderr).toContain("✗ --numerator: CCCD_COVERAGE là chỉ tiêu tính từ hai chỉ tiêu khác");
    expect(await prisma.indicator.count({ where: { code: "X6" } })).toBe(0);
    // Entered kinds stay parts: a ratio's numerator over a count.
    await defineIndicator(prisma, admin, {
      code: "X7",
      kind: "DERIVED",
      nameVi: "Thẻ đồng bộ trên thu nhận",
      numerator: "BHYT_SYNC",
      denominator: "CCCD_INTAKE",
    });
  });

  /** The command line defining scorecard X8 ("Điểm thử") with the options given. */
  const createX8 = (...options: string[]) =>
    cli("indicator", "create", "--code", "X8", "--kind", "COMPOSITE", "--name", "Điểm thử", ...options);

  it("reads a scorecard's weights and bands as plain decimals with at most two decimals", async () => {
    const scorecard = (components: { code: string; weight: number | string }[], bands?: (number | string)[]) =>
      defineIndicator(prisma, admin, {
        code: "X8",
        kind: "COMPOSITE",
        nameVi: "Điểm thử",
        components,
        ...(bands ? { bands } : {}),
      });
    const two = (a: number | string, b: number | string) => [
      { code: "BHYT_SYNC", weight: a },
      { code: "HS_TRUC_TUYEN", weight: b },
    ];
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => error,
      );
    for (const [a, b] of [
      [0.001, 0.004],
      ["0,001", "10"],
      ["0x10", "10"],
      ["1e2", "10"],
      ["Infinity", "10"],
      ["", "10"],
      [" ", "10"],
      ["1 000", "10"],
      ["0", "10"],
      [-5, 10],
      [1001, 10],
    ] as const) {
      const error = await refusal(scorecard(two(a, b)));
      expect(error, `weights ${a}, ${b}`).toBeInstanceOf(InvalidParamError);
      expect((error as InvalidParamError).param).toBe("components");
      expect((error as Error).message).toMatch(/Trọng số/);
    }
    for (const bands of [[], ["0x50"], [80.555], [0, 90], [80, 101], ["8e1"]]) {
      const error = await refusal(scorecard(two(10, 10), bands));
      expect(error, `bands ${JSON.stringify(bands)}`).toBeInstanceOf(InvalidParamError);
      expect((error as InvalidParamError).param).toBe("bands");
      expect((error as Error).message).toMatch(/ngưỡng xếp loại/i);
    }
    expect(await prisma.indicator.count({ where: { code: "X8" } })).toBe(0);
    const hex = createX8("--component", "BHYT_SYNC:0x10", "--component", "HS_TRUC_TUYEN:10");
    expect(hex.status, hex.stderr).toBe(2);
    expect(hex.stderr).toContain('✗ --component: Trọng số "0x10" không hợp lệ');
    const noBands = createX8("--component", "BHYT_SYNC:10", "--component", "HS_TRUC_TUYEN:10", "--bands", "");
    expect(noBands.status, noBands.stderr).toBe(2);
    expect(noBands.stderr).toContain("✗ --bands: Cần ít nhất một ngưỡng xếp loại");
    // Written either way, with a decimal comma or point, as text or a number.
    await scorecard(two("0,01", 12.5), ["80,5", 90]);
    const stored = await prisma.indicator.findUniqueOrThrow({ where: { code: "X8" }, include: { components: true } });
    expect(stored.components.map((c) => Number(c.weight))).toEqual([0.01, 12.5]);
    expect(stored.bands.map(Number)).toEqual([80.5, 90]);
    // A scorecard stored without bands (before they were refused) shows the default ones, never "< 0".
    await prisma.indicator.update({ where: { code: "X8" }, data: { bands: [] } });
    const bands = (await rank("X8", "PROVINCE")).items.map((i) => i.band).filter((b) => b != null);
    expect(bands.length).toBeGreaterThan(0);
    for (const band of bands) expect(["< 80", "80–90", "≥ 90"]).toContain(band);
  });

  it("the CLI answers a wrong kind or an unknown option with a message and exit code 2", () => {
    const wrong = cli("indicator", "create", "--code", "X4", "--kind", "PERCENT", "--name", "Xxx");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("✗ --kind: Loại chỉ tiêu phải là một trong COUNT, STOCK");
    const unknown = cli("indicator", "create", "--colour", "red");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/✗ Unknown option '--colour'[\s\S]*Cách dùng/);
  });
});

describe("figure files with a denominator", () => {
  it("refuse a ratio without one, a numerator above it, and a denominator on a count", async () => {
    const report = await importFigures(
      prisma,
      figureRows(`unit_code,indicator,as_of,value,denominator
00001,BHYT_SYNC,2023-05-07,3,
00001,BHYT_SYNC,2023-05-14,5,4
00001,CCCD_INTAKE,2023-05-07,500,600`),
      { actor: "test", source: "test", today: day("2026-11-22") },
    );
    expect(report.errors).toEqual([
      { line: 2, column: "denominator", message: "trống, chỉ tiêu tỷ lệ cần mẫu số (value là tử số)" },
      { line: 3, column: "value", message: "tử số 5 lớn hơn mẫu số 4" },
      { line: 4, column: "denominator", message: "chỉ tiêu đếm không có mẫu số; để trống ô này" },
    ]);
  });
});

describe("published scores", () => {
  it("are imported as points out of a maximum, and rank as published", async () => {
    const refused = await importFigures(
      prisma,
      figureRows(
        'unit_code,indicator,as_of,value,denominator\n04,BO_CHI_SO,2023-04-30,"97,555",100\n04,BO_CHI_SO,2023-04-30,101,100',
      ),
      { actor: "test", source: "test", today: day("2026-11-22") },
    );
    expect(report(refused)).toEqual([
      'dòng 2, value: "97,555" không phải số điểm (từ 0 đến 1000, tối đa 2 chữ số thập phân)',
      "dòng 3, value: điểm 101 lớn hơn điểm tối đa 100",
    ]);
    await loadFigures(prisma, 'unit_code,indicator,as_of,value,denominator\n04,BO_CHI_SO,2023-04-30,"97,5",100');
    const { items } = await rank("BO_CHI_SO", "PROVINCE");
    expect(pick(items, "code", "rank", "score", "maxScore", "band", "published")).toEqual([
      ["04", 1, 97.5, 100, "≥ 90", true],
      ["02", 2, 94, 100, "≥ 90", false],
      ["01", 3, 80, 100, "80–90", false],
      ["03", 3, 80, 100, "80–90", false],
    ]);
    expect(items[0]?.components).toEqual([]);
  });
});

describe("the scorecards' read model", () => {
  it("rescores a unit when a component's target changes: a share target of 70 % makes 7/10 full marks", async () => {
    // District 002: A 7/10 without a target is worth 35 of 50 (85 in all); against 70 % it is 50.
    await loadTargets(
      prisma,
      `unit_code,indicator,target,deadline,directive,assigned_on
002,TY_LE_A,70,2023-12-31,KH 3/CAT,2023-04-20`,
    );
    const children = async (asOf: string) =>
      pick((await rank("DIEM_AB", "PROVINCE", asOf)).items, "code", "childrenDone", "childrenTotal")[0];
    expect(await children("2023-04-30")).toEqual(["01", 2, 2]);
    // Before the target was assigned, 002 was still below the top band.
    expect(await children("2023-04-16")).toEqual(["01", 1, 2]);
  });

  it("is filled from the data already there when a database first gets it", async () => {
    const stored = () =>
      prisma.$queryRaw<unknown[]>`SELECT indicator_id, unit_id, as_of, score, max_score FROM unit_score
                                  ORDER BY indicator_id, unit_id, as_of`;
    const before = await stored();
    expect(before.length).toBeGreaterThan(20);
    await prisma.$executeRaw`DELETE FROM unit_score`;
    await backfillScores(inject("databaseUrl"));
    expect(await stored()).toEqual(before);
  });
});

const report = (r: { errors: { line: number; column: string; message: string }[] }) =>
  r.errors.map((e) => `dòng ${e.line}, ${e.column}: ${e.message}`);
