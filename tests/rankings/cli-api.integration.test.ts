import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as seriesRoute } from "@/app/api/v1/units/[code]/series/route";
import { GET as unitsRoute } from "@/app/api/v1/units/route";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const api = (path: string) => new Request(`http://localhost${path}`);

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  // The API and the CLI read approved weeks by default: these figures are approved.
  await approveAllWeeks(prisma);
});

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
  });
  return run;
}

describe("the rankings API and the CLI", () => {
  it("give the same numbers", async () => {
    const response = await rankingsRoute(api("/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=2023-04-30"));
    expect(response.status).toBe(200);
    const fromApi = await response.json();
    const run = cli("rank", "--indicator", "CCCD_INTAKE", "--level", "province", "--as-of", "2023-04-30", "--json");
    expect(run.status, run.stderr).toBe(0);
    const { total, offset, limit, ...ranking } = fromApi;
    expect(JSON.parse(run.stdout)).toEqual(ranking);
    expect({ total, offset, limit }).toEqual({ total: 4, offset: 0, limit: 1000 });
    expect(Object.keys(fromApi)).toEqual([
      "indicator",
      "basis",
      "level",
      "parent",
      "asOf",
      "structureOn",
      "items",
      "total",
      "offset",
      "limit",
    ]);
    expect(Object.keys(fromApi.items[0])).toEqual(
      expect.arrayContaining([
        "rank",
        "code",
        "name",
        "value",
        "target",
        "percent",
        "reachedOn",
        "deadline",
        "daysAhead",
        "forecastOn",
        "weeklyChange",
        "neededPerWeek",
        "trajectory",
        "childrenDone",
        "childrenTotal",
        "approximate",
      ]),
    );
  });

  it("pages a long ranking and refuses a page that is too large", async () => {
    const url = "/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=2023-04-30";
    const whole = await (await rankingsRoute(api(url))).json();
    const page = await (await rankingsRoute(api(`${url}&limit=2&offset=1`))).json();
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.items).toEqual(whole.items.slice(1, 3));
    const tooLarge = await rankingsRoute(api(`${url}&limit=100000`));
    expect(tooLarge.status).toBe(400);
    expect((await tooLarge.json()).error).toMatchObject({ param: "limit" });
    const yearZero = await rankingsRoute(api("/api/v1/rankings?indicator=CCCD_INTAKE&asOf=0000-01-01"));
    expect(yearZero.status).toBe(400);
    expect((await yearZero.json()).error.message).toMatch(/asOf phải là ngày dạng YYYY-MM-DD, năm 1900–2199/);
  });

  it("prints a readable table with Vietnamese number formats", () => {
    const run = cli("rank", "--indicator", "CCCD_INTAKE", "--level", "province", "--as-of", "2023-04-30");
    expect(run.stdout).toMatch(/1\s+01\s+Alpha\s+1\.050\s+1\.000\s+105,00 %\s+30\/04\/2023\s+61\s+đã đạt\s+2\/2/);
    // Behind its target: the forecast, the weekly increase still needed and where it is heading.
    expect(run.stdout).toMatch(/03\s+Gamma\s+200\s+400\s+50,00 %\s+04\/06\/2023\s+23\s+đúng tiến độ/);
  });

  it("answer a bad parameter with 400 naming it", async () => {
    for (const [query, param] of [
      ["indicator=NOPE", "indicator"],
      ["indicator=CCCD_INTAKE&level=village", "level"],
      ["indicator=CCCD_INTAKE&asOf=2023-02-30", "asOf"],
      ["indicator=CCCD_INTAKE&level=district&parent=99", "parent"],
      ["indicator=CCCD_INTAKE&format=xml", "format"],
    ]) {
      const response = await rankingsRoute(api(`/api/v1/rankings?${query}`));
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.param).toBe(param);
    }
    expect(cli("rank", "--indicator", "NOPE", "--as-of", "2023-04-30").stderr).toContain("--indicator");
  });

  it("serve CSV with one row per unit", async () => {
    const response = await rankingsRoute(
      api("/api/v1/rankings?indicator=CCCD_INTAKE&level=district&parent=01&asOf=2023-04-30&format=csv"),
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^rank,code,name,value,target,percent,/);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual(["1,001,A1,650", "2,002,A2,400"]);
  });

  it("list units and a unit's series with its targets", async () => {
    const units = await (await unitsRoute(api("/api/v1/units?level=commune&parent=01&asOf=2023-04-30"))).json();
    expect(units.items.map((u: { code: string }) => u.code)).toEqual(["00001", "00002", "00003"]);
    const response = await seriesRoute(api("/api/v1/units/02/series?indicator=CCCD_INTAKE&asOf=2023-04-30"), {
      params: Promise.resolve({ code: "02" }),
    });
    const series = await response.json();
    expect(series.points.map((p: { asOf: string; value: number }) => [p.asOf, p.value])).toEqual([
      ["2023-04-02", 100],
      ["2023-04-09", 200],
      ["2023-04-16", 300],
      ["2023-04-23", 400],
      ["2023-04-30", 520],
    ]);
    expect(series.points.at(-1)).toMatchObject({ reported: 520, childrenSum: 500 });
    expect(series.targets).toEqual([
      { value: 500, deadline: "2023-06-30", directive: "Điện số 16/HT", assignedOn: "2023-03-21" },
    ]);
    const missing = await seriesRoute(api("/api/v1/units/02/series?indicator=CCCD_INTAKE&asOf=2026-01-01"), {
      params: Promise.resolve({ code: "02" }),
    });
    expect(missing.status).toBe(404);
  });
});

describe("rankings over a reporting period", () => {
  // Districts of 01 on 14/04/2023 (the day before month 5/2023 begins): 001 = 200 + 100 = 300
  // of 600, 002 = 200 of 400, both 50 % (rank 1, 1). On 14/05/2023: 001 = 650 (108,3 %),
  // 002 = 400 (100 %). Month 5/2023 runs 15/04–14/05, the month before 15/03–14/04.
  const path = "/api/v1/rankings?indicator=CCCD_INTAKE&level=district&parent=01&period=month:2023-05";

  it("give its dates, the increase within it and the rank change, the same in the API and the CLI", async () => {
    const response = await rankingsRoute(api(path));
    expect(response.status).toBe(200);
    const { total, offset, limit, ...fromApi } = await response.json();
    expect(fromApi).toMatchObject({
      asOf: "2023-05-14",
      period: "month:2023-05",
      periodStart: "2023-04-15",
      periodEnd: "2023-05-14",
    });
    expect(
      fromApi.items.map((i: Record<string, unknown>) => [
        i.code,
        i.value,
        i.change,
        i.rank,
        i.previousRank,
        i.rankChange,
      ]),
    ).toEqual([
      ["001", 650, 350, 1, 1, 0],
      ["002", 400, 200, 2, 1, -1],
    ]);
    const run = cli(
      "rank",
      ...["--indicator", "CCCD_INTAKE", "--level", "district", "--parent", "01", "--period", "month:2023-05", "--json"],
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(fromApi);

    const table = cli(
      "rank",
      "--indicator",
      "CCCD_INTAKE",
      "--level",
      "district",
      "--parent",
      "01",
      "--period",
      "month:2023-05",
    );
    expect(table.stdout).toContain("kỳ month:2023-05 (15/04/2023–14/05/2023), tính đến 14/05/2023");
    expect(table.stdout).toMatch(/Tăng trong kỳ\s+Hạng kỳ trước/);
  });

  it("an increase is unknown where nothing was reported before the period began", async () => {
    const response = await rankingsRoute(
      api("/api/v1/rankings?indicator=CCCD_INTAKE&level=province&period=quarter:2023-Q2"),
    );
    const body = await response.json();
    expect(body).toMatchObject({ asOf: "2023-06-14", periodStart: "2023-03-15", periodEnd: "2023-06-14" });
    expect(body.items.map((i: Record<string, unknown>) => [i.change, i.previousRank, i.rankChange])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    // Without a period, none of the period's fields appear.
    const plain = await (await rankingsRoute(api("/api/v1/rankings?indicator=CCCD_INTAKE&asOf=2023-05-14"))).json();
    expect(plain.periodStart).toBeUndefined();
    expect(plain.items[0].change).toBeUndefined();
  });

  it("refuse a period they cannot read, a future one, or one given with asOf", async () => {
    const problem = async (query: string) => {
      const response = await rankingsRoute(api(`/api/v1/rankings?indicator=CCCD_INTAKE&${query}`));
      return [response.status, (await response.json()).error];
    };
    expect(await problem("period=week:2023-05-15")).toEqual([
      400,
      {
        code: "invalid_param",
        param: "period",
        message: "Tuần báo cáo được gọi theo ngày Chủ nhật kết thúc tuần; 15/05/2023 không phải Chủ nhật.",
      },
    ]);
    expect(await problem("period=quarter:2023-Q7")).toEqual([400, expect.objectContaining({ param: "period" })]);
    expect(await problem("period=year:2198")).toEqual([
      400,
      { code: "invalid_param", param: "period", message: "Kỳ year:2198 bắt đầu ngày 15/12/2197, chưa đến." },
    ]);
    expect(await problem("period=month:2023-05&asOf=2023-05-14")).toEqual([
      400,
      {
        code: "invalid_param",
        param: "period",
        message: "Dùng asOf (một ngày) hoặc period (một kỳ báo cáo), không dùng cả hai.",
      },
    ]);
    const run = cli("rank", "--indicator", "CCCD_INTAKE", "--period", "half:2023-H3");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/✗ --period: "half:2023-H3" không phải kỳ báo cáo; dùng week:YYYY-MM-DD/);
  });
});
