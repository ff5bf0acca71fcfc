import { beforeAll, describe, expect, it } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import type { Actor } from "@/lib/access/actor";
import { changeReportStatus } from "@/lib/entry/report-status";
import { saveFigures } from "@/lib/entry/save-figures";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { getRanking } from "@/lib/rankings/get-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import type { Basis } from "@/lib/series/bases";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { day, loadFigures, loadSmallWorld } from "../setup/fixtures";

// The official basis holds approved weeks only; the live one every saved figure. The small
// world (tests/setup/fixtures.ts): province 01 = district 001 (communes 00001, 00002) and
// district 002 (00003). Expected values are worked out by hand from its figures.

const prisma = connectTestDatabase();
const admin: Actor = { id: 1, username: "quantri", displayName: "Quản trị", role: "MINISTRY_ADMIN", unitId: null };
let officers: Record<string, Actor>;

async function report(code: string, week: string, action: "submit" | "approve" | "unlock") {
  const by =
    action === "submit" ? officers[code] : officers[code.length === 5 ? (code === "00003" ? "002" : "001") : "01"];
  const reason = action === "unlock" ? { reason: "Số liệu nhập nhầm, đơn vị sửa lại" } : {};
  return changeReportStatus(prisma, by as Actor, { requestId: requestId(), week, unit: code, action, ...reason });
}
const approve = async (code: string, week: string) => {
  await report(code, week, "submit");
  await report(code, week, "approve");
};

const rank = (basis: Basis, indicator: string, level: "DISTRICT" | "COMMUNE", parent: string, asOf: string) =>
  getRanking(prisma, { basis, indicator, level, parent, asOf: day(asOf) });
const byCode = (items: RankingItem[]) => new Map(items.map((i) => [i.code, i]));
async function value(basis: Basis, code: string, asOf = "2023-04-30") {
  const item = byCode((await rank(basis, "CCCD_INTAKE", "DISTRICT", "01", asOf)).items).get(code);
  return item?.value ?? null;
}

beforeAll(async () => {
  await loadSmallWorld(prisma);
  officers = {
    "00001": await actorAt(prisma, "COMMUNE_OFFICER", "00001"),
    "00002": await actorAt(prisma, "COMMUNE_OFFICER", "00002"),
    "00003": await actorAt(prisma, "COMMUNE_OFFICER", "00003"),
    "001": await actorAt(prisma, "DISTRICT_OFFICER", "001"),
    "002": await actorAt(prisma, "DISTRICT_OFFICER", "002"),
    "01": await actorAt(prisma, "PROVINCE_OFFICER", "01"),
  };
  // Approved: both communes of district 001 up to 23/4, and 00001's week of 30/4.
  for (const code of ["00001", "00002"]) await approve(code, "2023-04-23");
  await approve("00001", "2023-04-30");
});

describe("the official basis", () => {
  it("holds only approved weeks: a parent adds its children's latest approved values", async () => {
    // Live: 00001 400 + 00002 250. Official: 00001's 400 (30/4) + 00002's 200 (23/4, its latest approved).
    expect(await value("live", "001")).toBe(650);
    expect(await value("official", "001")).toBe(600);
    // District 002 (00003) has nothing approved: no official value, and no date of one.
    const official = byCode((await rank("official", "CCCD_INTAKE", "DISTRICT", "01", "2023-04-30")).items);
    expect(official.get("002")).toMatchObject({ value: null, officialAsOf: null });
    expect(official.get("001")).toMatchObject({ officialAsOf: "2023-04-30" });
    expect(official.get("001")).not.toHaveProperty("approved");
  });

  it("an unapproved figure changes live but not official; approving it changes official by exactly its change; unlocking takes it out", async () => {
    const current = await prisma.figure.findFirstOrThrow({
      where: { unit: { code: "00002" }, indicator: { code: "CCCD_INTAKE" }, asOf: day("2023-04-30") },
    });
    const saved = await saveFigures(prisma, officers["00002"] as Actor, {
      requestId: requestId(),
      week: "2023-04-30",
      entries: [{ unit: "00002", indicator: "CCCD_INTAKE", value: 260, version: current.version }],
    });
    expect(saved).toMatchObject({ status: "saved" });
    expect(await value("live", "001")).toBe(660);
    expect(await value("official", "001")).toBe(600);

    await approve("00002", "2023-04-30");
    // 00002's official value went from 200 (23/4) to 260 (30/4): +60, nothing else.
    expect(await value("official", "001")).toBe(660);
    expect(await value("live", "001")).toBe(660);

    await report("00002", "2023-04-30", "unlock");
    expect(await value("official", "001")).toBe(600);
    expect(await value("live", "001")).toBe(660);
  });

  it("live items say whether the unit's figures are approved", async () => {
    const live = byCode((await rank("live", "CCCD_INTAKE", "COMMUNE", "001", "2023-04-30")).items);
    expect(live.get("00001")).toMatchObject({ approved: true });
    expect(live.get("00002")).toMatchObject({ approved: false });
    expect(live.get("00001")).not.toHaveProperty("officialAsOf");
  });
});

describe("ratios and scorecards on the official basis", () => {
  beforeAll(async () => {
    for (const x of ["A", "B"])
      await defineIndicator(prisma, admin, { code: `TY_LE_${x}`, kind: "RATIO", nameVi: `Tỷ lệ ${x}` });
    await defineIndicator(prisma, admin, {
      code: "DIEM_AB",
      kind: "COMPOSITE",
      nameVi: "Điểm A và B",
      components: [
        { code: "TY_LE_A", weight: 50 },
        { code: "TY_LE_B", weight: 50 },
      ],
    });
    await loadFigures(
      prisma,
      `unit_code,indicator,as_of,value,denominator
00001,TY_LE_A,2023-05-07,1,2
00002,TY_LE_A,2023-05-07,3,4
00003,TY_LE_A,2023-05-07,2,5
00001,TY_LE_B,2023-05-07,1,1
00002,TY_LE_B,2023-05-07,0,4
00003,TY_LE_B,2023-05-07,1,5`,
    );
    await approve("00001", "2023-05-07");
    await approve("00003", "2023-05-07");
  });

  it("a parent's official ratio is Σ numerators / Σ denominators of its children's official pairs", async () => {
    const province = async (basis: Basis) =>
      (
        await getRanking(prisma, { basis, indicator: "TY_LE_A", level: "PROVINCE", asOf: day("2023-05-07") })
      ).items.find((i) => i.code === "01");
    // Official: 00001 1/2 and 00003 2/5 make 3/7 (not the mean of 50 % and 40 %); live adds 00002's 3/4: 6/11.
    expect(await province("official")).toMatchObject({ numerator: 3, denominator: 7 });
    expect((await province("official"))?.ratio).toBeCloseTo((3 / 7) * 100, 10);
    expect(await province("live")).toMatchObject({ numerator: 6, denominator: 11 });
  });

  it("a scorecard scores each unit from its official components", async () => {
    const scores = async (basis: Basis) => byCode((await rank(basis, "DIEM_AB", "DISTRICT", "01", "2023-05-07")).items);
    const official = await scores("official");
    // 001 from 00001 alone: A 1/2 → 25 points, B 1/1 → 50. 002 from 00003: A 2/5 → 20, B 1/5 → 10.
    expect(official.get("001")?.score).toBeCloseTo(75, 10);
    expect(official.get("002")?.score).toBeCloseTo(30, 10);
    // Live, 001 adds 00002: A 4/6 → 33.33, B 1/5 → 10.
    expect((await scores("live")).get("001")?.score).toBeCloseTo(50 * (4 / 6) + 10, 10);
    expect(official.get("001")?.rank).toBe(1);
  });
});

describe("the rankings API", () => {
  const ask = (query: string, headers: Record<string, string> = {}) =>
    rankingsRoute(new Request(`http://localhost/api/v1/rankings?${query}`, { headers }));

  it("answers anonymous callers on the official basis, each item with the date of its latest official figure", async () => {
    const response = await ask("indicator=CCCD_INTAKE&level=district&parent=01&asOf=2023-04-30");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.basis).toBe("official");
    expect(byCode(body.items).get("001")).toMatchObject({ value: 600, officialAsOf: "2023-04-30" });
    const explicit = await (await ask("indicator=CCCD_INTAKE&level=district&parent=01&basis=official")).json();
    expect(explicit.basis).toBe("official");
  });

  it("refuses basis=live to an anonymous caller with a 403 naming the problem", async () => {
    const response = await ask("indicator=CCCD_INTAKE&level=district&parent=01&asOf=2023-04-30&basis=live");
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain("basis=live");
    expect(body.error.message).toContain("đăng nhập");
    expect(response.headers.get("cache-control")).not.toContain("public");
  });

  it("refuses a basis that is neither", async () => {
    const response = await ask("indicator=CCCD_INTAKE&level=province&basis=draft");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_param", param: "basis" });
  });
});
