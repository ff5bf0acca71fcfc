import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataVersion } from "@/lib/db/data-version";
import { frontDoor, parseTrustProxy } from "@/lib/http/front-door";
import { withPageCache } from "@/lib/http/page-cache";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadFigures, loadSmallStructure } from "../setup/fixtures";

// The page cache behind the front door, as the start script runs it, over the tests' real
// data version: a saved figure changes it. The renderer answers as Next does (a page, with
// Next's own no-store for dynamic pages, or a 404 page).
const prisma = connectTestDatabase();
let renders = 0;
const render = async (req: IncomingMessage, res: ServerResponse) => {
  renders++;
  res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("vary", "rsc, next-router-state-tree");
  res.setHeader("content-type", "text/html; charset=utf-8");
  if (req.url?.startsWith("/units/99999")) res.statusCode = 404;
  res.end(`<!DOCTYPE html><html><body>Trang ${req.url} ${String(req.headers["if-none-match"] ?? "")}</body></html>`);
};
const version = async () => String(await readDataVersion(prisma));
const served = withPageCache(render, async () => ({ version: await version(), recheck: version }));
const trustProxy = parseTrustProxy(undefined);
let server: http.Server;
let base = "";

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  server = http.createServer((req, res) => {
    void frontDoor(req, res, trustProxy).then((admitted) => (admitted ? served(req, res) : undefined));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
const SHARED = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

describe("the page cache's ETag and Cache-Control", () => {
  it("names a page by its data version: 304 on If-None-Match without rendering, a new tag after a save", async () => {
    const first = await get("/units/01?indicator=CCCD_INTAKE");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("miss");
    const tag = first.headers.get("etag") as string;
    expect(tag).toMatch(/^W\/"\d+-[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe(SHARED);
    expect(first.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding, Cookie");
    expect(await first.text()).toMatch(/^<!DOCTYPE html>/);

    const hit = await get("/units/01?indicator=CCCD_INTAKE");
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(hit.headers.get("etag")).toBe(tag);
    expect(hit.headers.get("cache-control")).toBe(SHARED);

    const rendered = renders;
    for (const asked of [tag, tag.replace(/^W\//, ""), `"other", ${tag}`, "*"]) {
      const again = await get("/units/01?indicator=CCCD_INTAKE", { "if-none-match": asked });
      expect(again.status, asked).toBe(304);
      expect(again.headers.get("etag")).toBe(tag);
      expect(again.headers.get("cache-control")).toBe(SHARED);
      expect(again.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding, Cookie");
      expect(await again.text()).toBe("");
    }
    expect(renders).toBe(rendered);
    // Another address, or the gzipped bytes, are another page with another tag.
    const gzipped = await get("/units/01?indicator=CCCD_INTAKE", { "accept-encoding": "gzip", "if-none-match": tag });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("etag")).not.toBe(tag);
    const other = await get("/units/02", { "if-none-match": tag });
    expect(other.status).toBe(200);

    await loadFigures(prisma, "unit_code,indicator,as_of,value\n00001,CCCD_INTAKE,2023-05-07,900");
    const after = await get("/units/01?indicator=CCCD_INTAKE", { "if-none-match": tag });
    expect(after.status).toBe(200);
    expect(after.headers.get("x-page-cache")).toBe("miss");
    const newTag = after.headers.get("etag");
    expect(newTag).toMatch(/^W\/"/);
    expect(newTag).not.toBe(tag);
    // Next was asked for the whole page, not for its own condition.
    expect(await after.text()).not.toContain(tag);
    expect((await get("/units/01?indicator=CCCD_INTAKE", { "if-none-match": newTag as string })).status).toBe(304);
  });

  it("answers a request with a cookie or credentials privately, with no tag and no 304", async () => {
    const anonymous = await get("/");
    const tag = anonymous.headers.get("etag") as string;
    expect(tag).toBeTruthy();
    for (const headers of <Record<string, string>[]>[
      { cookie: "authjs.session-token=abc" },
      { authorization: "Basic eDp5" },
    ]) {
      const personal = await get("/", { ...headers, "if-none-match": tag });
      expect(personal.status).toBe(200);
      expect(personal.headers.get("etag")).toBeNull();
      expect(personal.headers.get("cache-control")).toMatch(/^private, no/);
      expect(personal.headers.get("x-page-cache")).toBeNull();
    }
  });

  it("says no-store on an error page, and tags it not", async () => {
    const missing = await get("/units/99999");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(missing.headers.get("etag")).toBeNull();
    // `*` names only a page that exists: the 404 is rendered again, not answered 304.
    const starred = await get("/units/99999", { "if-none-match": "*" });
    expect(starred.status).toBe(404);
  });
});
