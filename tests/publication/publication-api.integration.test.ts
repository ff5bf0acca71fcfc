import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { GET as rankingCsvRoute } from "@/app/api/v1/exports/ranking/route";
import { GET as editionExportRoute } from "@/app/api/v1/publications/[number]/export/route";
import { GET as editionRankingRoute } from "@/app/api/v1/publications/[number]/ranking/route";
import { GET as editionRoute } from "@/app/api/v1/publications/[number]/route";
import { GET as editionsRoute } from "@/app/api/v1/publications/route";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { answerChecker, servedDocument } from "../api/openapi-schema";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";

// The CLI publishes; the public API lists the editions and serves each one's rankings, as
// its OpenAPI document says, cached with an ETag like the other public answers.

const prisma = connectTestDatabase();
let check: ReturnType<typeof answerChecker>;

beforeAll(async () => {
  await loadSmallWorld(prisma);
  check = answerChecker(await servedDocument());
});

function cli(...args: string[]) {
  return spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    encoding: "utf8",
  });
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const at = (number: string) => ({ params: Promise.resolve({ number }) });

describe("publishing from the command line", () => {
  it("prints the edition's number and corrections, and makes no second edition of an unchanged week", () => {
    const first = cli("publish", "--week", "2023-04-30");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Bản công bố số 1 (tuần 2023-04-30): 0 đính chính.");
    const again = cli("publish", "--week", "2023-04-30");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("Không có gì thay đổi: bản công bố số 1");
    const wrong = cli("publish", "--week", "2023-05-01");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("Chủ nhật");
  });
});

describe("the publications API", () => {
  it("lists the editions and serves one edition's ranking as stored, as documented", async () => {
    const list = await editionsRoute(get("/api/v1/publications"));
    expect(await check.problems("/api/v1/publications", list.clone())).toEqual([]);
    expect(await list.json()).toMatchObject({ total: 1, items: [{ number: 1, week: "2023-04-30", corrections: 0 }] });

    const edition = await editionRoute(get("/api/v1/publications/1"), at("1"));
    expect(await check.problems("/api/v1/publications/{number}", edition.clone())).toEqual([]);
    expect(await edition.json()).toMatchObject({ number: 1, notices: [] });

    const path = "/api/v1/publications/1/ranking?indicator=CCCD_INTAKE&level=province";
    const ranking = await editionRankingRoute(get(path), at("1"));
    expect(ranking.status).toBe(200);
    expect(await check.problems("/api/v1/publications/{number}/ranking", ranking.clone())).toEqual([]);
    const body = await ranking.json();
    expect(body).toMatchObject({ edition: 1, indicator: "CCCD_INTAKE", asOf: "2023-04-30", total: 4 });
    // Cached like the other public answers: the same tag answers 304 without reading again.
    const tag = ranking.headers.get("etag") as string;
    expect(tag).toBeTruthy();
    expect((await editionRankingRoute(get(path, { "if-none-match": tag }), at("1"))).status).toBe(304);

    const communes = await editionRankingRoute(
      get("/api/v1/publications/1/ranking?indicator=CCCD_INTAKE&level=commune&parent=01&limit=2"),
      at("1"),
    );
    expect(await communes.json()).toMatchObject({ total: 3, limit: 2, items: [{}, {}] });
  });

  it("gives the people's CSV in the leaderboard's shape", async () => {
    const query = "indicator=CCCD_INTAKE&level=province";
    const edition = await editionExportRoute(get(`/api/v1/publications/1/export?${query}`), at("1"));
    expect(edition.status).toBe(200);
    expect(edition.headers.get("content-disposition")).toContain("ban-cong-bo-1-bang-xep-hang-ngay-2023-04-30");
    const live = await rankingCsvRoute(get(`/api/v1/exports/ranking?${query}&asOf=2023-04-30`));
    // Nothing changed since: the edition's file is the live one, line for line.
    expect(await edition.text()).toBe(await live.text());
  });

  it("refuses what it cannot answer with a 4xx naming the problem", async () => {
    const cases: [string, string, number][] = [
      ["/api/v1/publications/0", "0", 404],
      ["/api/v1/publications/abc", "abc", 404],
      ["/api/v1/publications/7", "7", 404],
    ];
    for (const [path, number, status] of cases) {
      const response = await editionRoute(get(path), at(number));
      expect(response.status, path).toBe(status);
      expect(await check.problems("/api/v1/publications/{number}", response), path).toEqual([]);
    }
    const noRanking = await editionRankingRoute(
      get("/api/v1/publications/1/ranking?indicator=CCCD_INTAKE&level=commune"),
      at("1"),
    );
    expect(noRanking.status).toBe(404);
    expect((await noRanking.json()).error.message).toContain("parent là mã tỉnh");
    const noIndicator = await editionRankingRoute(get("/api/v1/publications/1/ranking?level=province"), at("1"));
    expect(noIndicator.status).toBe(400);
    expect((await editionsRoute(get("/api/v1/publications?limit=0"))).status).toBe(400);
  });
});
