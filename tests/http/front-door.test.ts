import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frontDoor, MAX_BODY_BYTES, parseTrustProxy } from "@/lib/http/front-door";
import { CLIENT_ADDRESS_HEADER } from "@/lib/limits/client-address";

// A real HTTP server with the front door before a handler that echoes what it was given.
let trust = parseTrustProxy("false");
const server = http.createServer(async (req, res) => {
  if (!(await frontDoor(req, res, trust))) return;
  let bytes = 0;
  req.on("data", (c: Buffer) => (bytes += c.length));
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        address: req.headers[CLIENT_ADDRESS_HEADER],
        host: req.headers["x-forwarded-host"] ?? null,
        bytes,
      }),
    );
  });
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; body: string };
function send(options: http.RequestOptions, body?: (req: http.ClientRequest) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, ...options }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    if (body) body(req);
    else req.end();
  });
}
const origin = () => `http://127.0.0.1:${port}`;

describe("the client address", () => {
  it("is the peer unless a proxy is trusted: a client-written X-Forwarded-For changes nothing", async () => {
    trust = parseTrustProxy("false");
    const answer = JSON.parse(
      (await send({ headers: { "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "evil.example" } })).body,
    );
    expect(answer.address).toMatch(/127\.0\.0\.1$/);
    expect(answer.host).toBeNull();
  });

  it("behind one trusted hop is the rightmost address, never the leftmost the client wrote", async () => {
    trust = parseTrustProxy("1");
    const headers = { "x-forwarded-for": "203.0.113.9, 198.51.100.7", "x-forwarded-host": "dashboard.example" };
    const answer = JSON.parse((await send({ headers })).body);
    expect(answer).toMatchObject({ address: "198.51.100.7", host: "dashboard.example" });
  });

  it("behind listed proxies is the first untrusted address from the right", async () => {
    trust = parseTrustProxy("loopback, 10.0.0.0/8");
    const answer = JSON.parse(
      (await send({ headers: { "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.1.2.3" } })).body,
    );
    expect(answer.address).toBe("198.51.100.7");
    expect(() => parseTrustProxy("không-phải-địa-chỉ")).toThrow(/TRUST_PROXY không hợp lệ/);
  });
});

describe("what a request may carry", () => {
  it("refuses a body by its declared length before reading it, and a streamed one as it passes the limit", async () => {
    trust = parseTrustProxy("false");
    const declared = await send(
      {
        method: "POST",
        path: "/api/auth/callback/credentials",
        headers: { origin: origin(), "content-length": String(450 * 1024 * 1024) },
      },
      (req) => req.write("username=a"), // the rest never comes: the answer must not wait for it
    );
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({
      code: "body_too_large",
      message: expect.stringMatching(/lớn hơn 1 MB/),
    });

    // No Content-Length: 2.5 MB sent chunked, as a client streaming without end would.
    const streamed = await send({ method: "POST", path: "/dang-nhap", headers: { origin: origin() } }, (req) => {
      req.on("error", () => {});
      for (let i = 0; i < 40; i++) req.write(Buffer.alloc(64 * 1024, 0x61));
      req.end();
    }).catch((error: Error) => ({ status: -1, body: error.message }));
    expect([413, -1]).toContain(streamed.status);

    const small = await send(
      { method: "POST", path: "/x", headers: { origin: origin(), "content-type": "application/json" } },
      (req) => req.end(Buffer.alloc(MAX_BODY_BYTES - 1, 0x20)),
    );
    expect(JSON.parse(small.body).bytes).toBe(MAX_BODY_BYTES - 1);
  });

  it("lets writes in only from this site", async () => {
    for (const headers of [{}, { origin: "null" }, { origin: "khong phai url" }, { origin: "http://evil.example" }]) {
      const answer = await send({ method: "POST", path: "/api/v1/entry/figures", headers });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: "cross_site_write",
        message: expect.stringMatching(/phải đến từ chính trang này/),
      });
    }
    expect((await send({ method: "POST", headers: { origin: origin() } })).status).toBe(200);
    expect((await send({ method: "POST", headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await send({ method: "GET", headers: { origin: "null" } })).status).toBe(200);
  });

  it("hands a page's server action only a body it can decode, whole", async () => {
    const headers = { origin: origin(), "content-type": "multipart/form-data; boundary=abc" };
    const broken = await send({ method: "POST", path: "/doi-mat-khau", headers }, (req) => req.end("rác rác"));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/multipart\/form-data không đọc được/);
    expect(JSON.parse(broken.body).error.code).toBe("bad_action_body");
    const form = '--abc\r\nContent-Disposition: form-data; name="current"\r\n\r\nmật khẩu\r\n--abc--\r\n';
    const good = await send({ method: "POST", path: "/doi-mat-khau", headers }, (req) => req.end(form));
    expect(JSON.parse(good.body).bytes).toBe(Buffer.byteLength(form));
    const text = { origin: origin(), "content-type": "text/plain;charset=UTF-8", "next-action": "7f01" };
    expect((await send({ method: "POST", path: "/", headers: text }, (req) => req.end("{rác"))).status).toBe(400);
    expect(
      JSON.parse((await send({ method: "POST", path: "/", headers: text }, (req) => req.end('["$K1"]'))).body).bytes,
    ).toBe(7);
  });

  it("answers a broken or huge address with 400 or 414", async () => {
    const badEscape = await send({ path: "/units/%E0%A4%A" });
    expect([badEscape.status, JSON.parse(badEscape.body).error.code]).toEqual([400, "bad_encoding"]);
    const nul = JSON.parse((await send({ path: "/nhap-lieu?unit=01%00" })).body).error;
    expect(nul).toMatchObject({ code: "nul_character", message: expect.stringMatching(/ký tự NUL/) });
    const long = await send({ path: `/?q=${"a".repeat(9000)}` });
    expect([long.status, JSON.parse(long.body).error.code]).toEqual([414, "url_too_long"]);
  });

  it("answers a parameter written twice with 400 naming it, on every path", async () => {
    for (const path of [
      "/?indicator=CCCD_INTAKE&indicator=CCCD_ISSUED",
      "/?period=x&period=y",
      "/units/01?indicator=A&date=2025-01-05&indicator=B",
      "/dieu-hanh?unit=1&unit=2",
      "/api/v1/rankings?indicator=A&level=province&level=commune",
      "/nhat-ky?unit=1&unit=1",
      "/?a=1&A=2&a",
    ]) {
      const answer = await send({ path });
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body).error.message, path).toMatch(/được ghi nhiều lần/);
      expect(JSON.parse(answer.body).error.code, path).toBe("repeated_param");
    }
    expect((await send({ path: "/?indicator=CCCD_INTAKE&date=2025-01-05" })).status).not.toBe(400);
  });
});
