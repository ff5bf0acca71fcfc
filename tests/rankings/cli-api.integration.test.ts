import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as seriesRoute } from "@/app/api/v1/units/[code]/series/route";
import { GET as unitsRoute } from "@/app/api/v1/units/route";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const api = (path: string) => new Request(`http://localhost${path}`);

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
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
    expect(run.stdout).toMatch(/1\s+01\s+Alpha\s+1\.050\s+1\.000\s+105,00 %\s+30\/04\/2023\s+61\s+2\/2/);
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
