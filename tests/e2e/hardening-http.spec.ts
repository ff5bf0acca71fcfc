import { randomUUID } from "node:crypto";
import http from "node:http";
import { expect, request, test } from "@playwright/test";
import { e2eDatabase } from "./database";
import { E2E_PORT } from "./ports";
import { httpClient, OLD_WEEK } from "./staff";

// What an attacker tried against the running product, one finding at a time, over real HTTP.

const PORT = E2E_PORT;
type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request exactly as written (no client normalising the URL or adding headers). */
function raw(options: http.RequestOptions, body?: string | Buffer, endBody = true): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "localhost", port: PORT, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    if (endBody) req.end();
  });
}
const ORIGIN = `http://localhost:${PORT}`;

test("bodies over the limit are refused before they are read, on Auth.js, server actions and uploads", async () => {
  for (const [path, declared] of [
    ["/api/auth/callback/credentials", 450 * 1024 * 1024],
    ["/dang-nhap", 450 * 1024 * 1024],
    ["/api/v1/entry/figures", 200 * 1024 * 1024],
    ["/api/v1/imports", 25 * 1024 * 1024],
  ] as const) {
    const started = Date.now();
    // Only a few bytes follow the declared length: an answer means nothing waited for the rest.
    const answer = await raw(
      {
        method: "POST",
        path,
        headers: { origin: ORIGIN, "content-length": String(declared), "content-type": "application/json" },
      },
      "{",
      false,
    );
    expect(answer.status, path).toBe(413);
    expect(JSON.parse(answer.body.toString()).error.message).toMatch(/Nội dung gửi lên lớn hơn/);
    expect(Date.now() - started).toBeLessThan(5_000);
  }
});

test("the page after sign-in stays on this site, however `next` is crafted", async ({ baseURL }) => {
  const officer = await httpClient(baseURL as string, "canbo.xa");
  for (const crafted of ["/%5Cevil.example/x", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    const answer = await officer.get(`/dang-nhap?next=${crafted}`, { maxRedirects: 0 });
    expect(answer.status(), crafted).toBe(307);
    expect(answer.headers().location, crafted).toBe("/nhap-lieu");
  }
  const kept = await officer.get(`/dang-nhap?next=${encodeURIComponent("/dieu-hanh?unit=01")}`, { maxRedirects: 0 });
  expect(kept.headers().location).toBe("/dieu-hanh?unit=01");
  await officer.dispose();
});

test("signing out ends the session on the server: the old cookie no longer works", async ({ baseURL }) => {
  const officer = await httpClient(baseURL as string, "canbo.xa");
  const saved = await officer.storageState();
  expect((await officer.get("/api/v1/entry/sheet?unit=00004")).status()).toBe(200);
  const { csrfToken } = (await (await officer.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await officer.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(out.status()).toBe(302);
  // The cookie as it was before signing out, replayed by someone who copied it.
  const replay = await request.newContext({
    baseURL,
    storageState: saved,
    extraHTTPHeaders: { origin: baseURL as string },
  });
  const answer = await replay.get("/api/v1/entry/sheet?unit=00004");
  expect(answer.status()).toBe(401);
  expect((await answer.json()).error.message).toMatch(/Phiên đăng nhập đã hết hạn/);
  await replay.dispose();
  await officer.dispose();
});

test("a sign-in is counted against the real peer, not an X-Forwarded-For the client wrote", async ({ baseURL }) => {
  const client = await httpClient(baseURL as string);
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const username = `khong.co.${Date.now()}`;
  await client.post("/api/auth/callback/credentials", {
    form: { username, password: "sai mật khẩu", csrfToken, callbackUrl: "/" },
    headers: { "x-forwarded-for": "203.0.113.77" },
    maxRedirects: 0,
  });
  const db = await e2eDatabase();
  try {
    const { rows } = await db.query("SELECT address FROM login_attempt WHERE username = $1", [username]);
    expect(rows).toHaveLength(1);
    expect(rows[0].address).not.toContain("203.0.113.77");
    expect(rows[0].address).toMatch(/127\.0\.0\.1|::1/);
    await db.query("DELETE FROM login_attempt WHERE username = $1", [username]);
  } finally {
    await db.end();
  }
  await client.dispose();
});

test("the page cache gives every client the encoding it asked for", async () => {
  const path = `/?cache-probe=${Date.now()}`;
  const deflate = await raw({ path, headers: { "accept-encoding": "deflate" } });
  expect(deflate.status).toBe(200);
  expect(deflate.headers["content-encoding"]).toBeUndefined();
  const plain = await raw({ path });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8", 0, 15).toLowerCase()).toBe("<!doctype html>");
  const gzip = await raw({ path, headers: { "accept-encoding": "gzip, deflate, br" } });
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(String(gzip.headers.vary)).toMatch(/Accept-Encoding/i);
});

test("bad dates, codes and headers get a 4xx that names the problem, never a 500", async ({ baseURL }) => {
  const officer = await httpClient(baseURL as string, "canbo.hanoi");
  const anonymous = await httpClient(baseURL as string);
  for (const date of ["0000-01-01", "0001-01-03", "9999-12-31"]) {
    for (const path of [
      `/api/v1/rankings?indicator=CCCD_INTAKE&asOf=${date}`,
      `/api/v1/rankings?indicator=CCCD_INTAKE&structureOn=${date}`,
      `/api/v1/units?asOf=${date}`,
      `/api/v1/units/01/series?indicator=CCCD_INTAKE&from=${date}`,
      `/api/v1/exports/weekly?asOf=${date}`,
    ]) {
      const answer = await anonymous.get(path);
      expect(answer.status(), path).toBeLessThan(500);
      if (answer.status() >= 400) expect((await answer.json()).error.message, path).toBeTruthy();
    }
    for (const path of [`/units/01?date=${date}`, `/?asOf=${date}`]) {
      expect((await anonymous.get(path)).status(), path).toBeLessThan(500);
    }
    for (const path of [`/dieu-hanh?date=${date}`, `/nhat-ky?from=${date}&to=${date}`, `/nhap-lieu?week=${date}`]) {
      expect((await officer.get(path)).status(), path).toBeLessThan(500);
    }
    const save = await officer.post("/api/v1/entry/figures", {
      data: {
        requestId: randomUUID(),
        week: date,
        entries: [{ unit: "01", indicator: "CCCD_INTAKE", value: 1, version: 0 }],
      },
    });
    expect(save.status()).toBe(400);
  }
  expect((await raw({ path: "/units/%E0%A4%A" })).status).toBe(400);
  expect((await raw({ path: "/nhap-lieu?unit=01%00" })).status).toBe(400);
  const admin = await httpClient(baseURL as string, "quantri.hanoi");
  const nul = await admin.post("/api/v1/users", {
    data: { action: "create", username: "co.nul", displayName: "Tên\u0000ẩn", role: "COMMUNE_OFFICER", unit: "00004" },
  });
  expect(nul.status()).toBe(400);
  await admin.dispose();
  expect((await anonymous.get("/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&limit=100000")).status()).toBe(400);

  // A request id someone else already used.
  const commune = await httpClient(baseURL as string, "canbo.xa");
  const sheet = await (await commune.get("/api/v1/entry/sheet?unit=00004")).json();
  const cell = sheet.own.cells.VNEID_L2_ACTIVATED as { value: number | null; version: number };
  const id = randomUUID();
  const entries = [
    { unit: "00004", indicator: "VNEID_L2_ACTIVATED", value: (cell.value ?? 0) + 1, version: cell.version },
  ];
  expect(
    (await commune.post("/api/v1/entry/figures", { data: { requestId: id, week: sheet.week, entries } })).status(),
  ).toBe(200);
  const reused = await officer.post("/api/v1/entry/figures", { data: { requestId: id, week: sheet.week, entries } });
  expect(reused.status()).toBe(409);
  expect((await reused.json()).error.message).toMatch(/requestId này đã được dùng/);

  // A file that is not what its name says.
  const upload = await officer.post("/api/v1/imports", {
    multipart: {
      kind: "figures",
      mode: "preview",
      requestId: randomUUID(),
      file: { name: "so-lieu.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải tệp Excel") },
    },
  });
  expect(upload.status()).toBe(400);
  expect((await upload.json()).error.message).toMatch(/không phải tệp Excel .xlsx hợp lệ/);
  for (const client of [officer, anonymous, commune]) await client.dispose();
});

test("writes need this site's Origin and their own content type; signed-in answers are never stored", async ({
  baseURL,
}) => {
  const officer = await httpClient(baseURL as string, "canbo.hanoi");
  const { cookies } = await officer.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const body = JSON.stringify({ requestId: randomUUID(), week: OLD_WEEK, entries: [] });
  for (const origin of [undefined, "null", "rác", "http://evil.example"]) {
    const answer = await raw(
      {
        method: "POST",
        path: "/api/v1/entry/figures",
        headers: {
          cookie,
          "content-type": "application/json",
          ...(origin ? { origin } : {}),
          "x-forwarded-host": "evil.example",
        },
      },
      body,
    );
    expect(answer.status, String(origin)).toBe(403);
  }
  const asText = await officer.post("/api/v1/entry/figures", { data: body, headers: { "content-type": "text/plain" } });
  expect(asText.status()).toBe(415);
  expect((await asText.json()).error.message).toMatch(/Content-Type phải là application\/json/);

  for (const path of ["/api/v1/entry/sheet?unit=01", "/dieu-hanh", "/nhap-lieu"]) {
    const answer = await officer.get(path);
    expect(answer.status(), path).toBe(200);
    expect(answer.headers()["cache-control"], path).toContain("no-store");
  }
  await officer.dispose();
});
