import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPageCache } from "@/lib/http/page-cache";
import { SharedRateLimit } from "@/lib/limits/shared-rate-limit";
import { connectTestDatabase, truncateTables } from "../setup/database";

// The cache around a renderer that answers as Next does: the page as HTML, or "{}" as JSON
// to a middleware prefetch. What the cache keeps, and for whom, is what is tested.
const prisma = connectTestDatabase();
let renders = 0;
const render = async (req: IncomingMessage, res: ServerResponse) => {
  renders++;
  if (req.headers["x-middleware-prefetch"]) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
    return;
  }
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("x-request-id", String(req.headers["x-request-id"] ?? ""));
  res.end(`<!DOCTYPE html><html><body>Trang ${req.url}</body></html>`);
};
const limit = new SharedRateLimit({
  bucket: "test-pages",
  perWindow: 3,
  windowSeconds: 60,
  message: "Quá nhiều trang mới.",
});
const served = withPageCache(render, async () => ({ version: "1", recheck: async () => "1" }), {
  admitRender: (req) => limit.take(prisma, String(req.headers["x-client-address"])),
});
let server: http.Server;
let base = "";

beforeAll(async () => {
  await truncateTables("rate_limit_window");
  server = http.createServer((req, res) => {
    res.setHeader("x-request-id", String(req.headers["x-request-id"] ?? ""));
    void served(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { "x-client-address": "203.0.113.7", ...headers } });

describe("the public page cache", () => {
  it("never keeps what Next answers to a prefetch, and replays no request id", async () => {
    const poisoned = await get("/units/01", { "x-middleware-prefetch": "1", "x-request-id": "a" });
    expect(await poisoned.text()).toBe("{}");
    const page = await get("/units/01", { "x-request-id": "b" });
    expect(page.headers.get("x-page-cache")).toBe("miss");
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/);
    const hit = await get("/units/01", { "x-request-id": "c" });
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    expect(hit.headers.get("x-request-id")).toBe("c");
  });

  it("counts pages rendered anew against their address: 429 past the limit, remembered pages still served", async () => {
    await truncateTables("rate_limit_window");
    const before = renders;
    for (const path of ["/?a=1", "/?a=2", "/?a=3"]) expect((await get(path)).status, path).toBe(200);
    const refused = await get("/?a=4");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Quá nhiều trang mới");
    expect(renders - before).toBe(3);
    expect((await get("/?a=2")).headers.get("x-page-cache")).toBe("hit");
    // Another address has its own count.
    expect((await get("/?a=5", { "x-client-address": "198.51.100.1" })).status).toBe(200);
  });
});
