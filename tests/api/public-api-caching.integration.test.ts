import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as seriesRoute } from "@/app/api/v1/units/[code]/series/route";
import { GET as unitsRoute } from "@/app/api/v1/units/route";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, loadFigures, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

// The ranking is spied on (still computed for real) to show that a 304 computes nothing.
vi.mock("@/lib/rankings/cached-ranking", async (original) => {
  const actual = await original<typeof import("@/lib/rankings/cached-ranking")>();
  return { ...actual, getRankingCached: vi.fn(actual.getRankingCached) };
});

const prisma = connectTestDatabase();
const api = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const RANKING = "/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=2023-05-07";
const SHARED = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  // The public API reads approved weeks: these figures are approved, as a week is in practice.
  await approveAllWeeks(prisma);
});

describe("the public API's ETag and Cache-Control", () => {
  it("GET /api/v1/rankings: an ETag, 304 on If-None-Match without ranking again, a new ETag after a save", async () => {
    const first = await rankingsRoute(api(RANKING));
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"\d+-[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe(SHARED);
    expect(first.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    const before = (await first.json()).items;

    const ranked = vi.mocked(getRankingCached).mock.calls.length;
    expect(ranked).toBeGreaterThan(0);
    // The same tag, however it is written: alone, weak or strong, in a list, or *.
    const strong = (tag as string).replace(/^W\//, "");
    for (const asked of [tag as string, strong, `"nothing", ${tag}`, `W/"x",${strong}`]) {
      const again = await rankingsRoute(api(RANKING, { "if-none-match": asked }));
      expect(again.status, asked).toBe(304);
      expect(again.headers.get("etag")).toBe(tag);
      expect(again.headers.get("cache-control")).toBe(SHARED);
      expect(await again.text()).toBe("");
    }
    expect(vi.mocked(getRankingCached).mock.calls.length).toBe(ranked);
    const star = await rankingsRoute(api(RANKING, { "if-none-match": "*" }));
    expect(star.status).toBe(304);
    const other = await rankingsRoute(api(RANKING, { "if-none-match": '"something-else"' }));
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).toBe(tag);

    await loadFigures(prisma, "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-05-07,900");
    const after = await rankingsRoute(api(RANKING, { "if-none-match": tag as string }));
    expect(after.status).toBe(200);
    const newTag = after.headers.get("etag");
    expect(newTag).toMatch(/^W\/"/);
    expect(newTag).not.toBe(tag);
    // Not approved yet: the public answer is the same figures under the new tag.
    expect((await after.json()).items).toEqual(before);
    await approveAllWeeks(prisma);
    const approved = await rankingsRoute(api(RANKING, { "if-none-match": newTag as string }));
    expect(approved.status).toBe(200);
    expect((await approved.json()).items).not.toEqual(before);
    const approvedTag = approved.headers.get("etag");
    expect((await rankingsRoute(api(RANKING, { "if-none-match": approvedTag as string }))).status).toBe(304);
  });

  it("names every answer apart: format, page and parameters each have their own tag", async () => {
    const tags = await Promise.all(
      [RANKING, `${RANKING}&format=csv`, `${RANKING}&limit=2`, `${RANKING}&limit=2&offset=2`].map(async (path) => {
        const response = await rankingsRoute(api(path));
        expect(response.status, path).toBe(200);
        return response.headers.get("etag");
      }),
    );
    expect(new Set(tags).size).toBe(4);
    const csv = await rankingsRoute(api(`${RANKING}&format=csv`, { "if-none-match": tags[1] as string }));
    expect(csv.status).toBe(304);
    // Another address's tag is not this one's.
    expect((await rankingsRoute(api(`${RANKING}&format=csv`, { "if-none-match": tags[0] as string }))).status).toBe(
      200,
    );
  });

  it("units and series answer the same way", async () => {
    const units = await unitsRoute(api("/api/v1/units?level=province&asOf=2023-05-07"));
    expect(units.status).toBe(200);
    expect(units.headers.get("cache-control")).toBe(SHARED);
    const unitsAgain = await unitsRoute(
      api("/api/v1/units?level=province&asOf=2023-05-07", { "if-none-match": units.headers.get("etag") as string }),
    );
    expect(unitsAgain.status).toBe(304);
    const path = "/api/v1/units/01/series?indicator=CCCD_INTAKE&asOf=2023-05-07";
    const context = { params: Promise.resolve({ code: "01" }) };
    const series = await seriesRoute(api(path), context);
    expect(series.status).toBe(200);
    const seriesAgain = await seriesRoute(
      api(path, { "if-none-match": series.headers.get("etag") as string }),
      context,
    );
    expect(seriesAgain.status).toBe(304);
    expect(await seriesAgain.text()).toBe("");
  });

  it("never lets a shared cache keep an answer to a cookie or credentials, nor an error", async () => {
    for (const headers of <Record<string, string>[]>[
      { cookie: "authjs.session-token=abc" },
      { cookie: "lang=en" },
      { authorization: "Bearer x" },
    ]) {
      const response = await rankingsRoute(api(RANKING, headers));
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
    const wrong = await rankingsRoute(api("/api/v1/rankings?indicator=CCCD_INTAKE&asOf=0000-01-01"));
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get("cache-control")).toBe("no-store");
    expect(wrong.headers.get("etag")).toBeNull();
    // A tag does not turn an error into a 304: `*` matches only an answer that exists.
    const starred = await rankingsRoute(
      api("/api/v1/rankings?indicator=CCCD_INTAKE&asOf=0000-01-01", { "if-none-match": "*" }),
    );
    expect(starred.status).toBe(400);
    const unknown = await seriesRoute(api("/api/v1/units/99999/series?indicator=CCCD_INTAKE"), {
      params: Promise.resolve({ code: "99999" }),
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
  });
});
