import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardServerAction, serverActionStarted } from "@/lib/http/server-action-guard";

// A real server whose "application" fails as Next does on an undecodable action reply:
// a 500 with a body of its own, before or after the action has started.
const server = http.createServer((req, res) =>
  guardServerAction(req, res, async () => {
    await new Promise((r) => setTimeout(r, 1));
    if (req.url === "/started") serverActionStarted();
    const body = "<html>Internal Server Error</html>";
    res.statusCode = 500;
    res.setHeader("content-length", Buffer.byteLength(body));
    res.end(body);
  }),
);
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const send = (method: string, path: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method }).then(async (r) => ({ status: r.status, body: await r.text() }));

describe("a page POST that fails before any action runs", () => {
  it("is the client's error: 400 with a message, whole", async () => {
    const answer = await send("POST", "/doi-mat-khau");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/Không đọc được nội dung gửi cho thao tác này/);
  });

  it("stays a 500 once the action has started, and for anything but a page POST", async () => {
    expect((await send("POST", "/started")).status).toBe(500);
    expect((await send("GET", "/doi-mat-khau")).status).toBe(500);
    expect((await send("POST", "/api/v1/entry/figures")).status).toBe(500);
  });
});
