// An HTTP fuzz of the running product: fast-check draws a route, its parameters, headers
// and body, and the request is sent exactly as drawn. Every input is invalid somewhere
// (no request id is ever a UUID, no role or unit is real where a write would need one), so
// nothing may be written; and nothing, however malformed, may be answered with a 5xx.
// Used by the browser tests (tests/e2e/http-fuzz.spec.ts) and by `npm run bench`.
import http from "node:http";
import fc from "fast-check";

export type FuzzRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
};

export type FuzzResult = {
  requests: number;
  byStatus: Record<string, number>;
  serverErrors: FuzzRequest[];
  /** Anonymous page requests after which the next plain visitor of the page got something else than the page. */
  poisoned: FuzzRequest[];
};

const SAMPLES = [
  "",
  "0000-01-01",
  "0001-01-03",
  "9999-12-31",
  "2025-06-29",
  "2026-02-30",
  "1900-01-01",
  "-1",
  "1e309",
  "NaN",
  "null",
  "%",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "01",
  "79",
  "00004",
  "999",
  "CCCD_INTAKE",
  "VNEID_L2_ACTIVATED",
  "commune",
  "province",
  "district",
  "csv",
  "json",
  "xlsx",
  "9".repeat(40),
  "/\\evil.example",
  "\u0000",
  "01\u0000",
  // Periods, the earliest ones whose period before lies outside the years one may write.
  "week:1901-01-06",
  "month:1901-01",
  "quarter:1901-Q1",
  "half:1901-H1",
  "nine-months:1901",
  "year:1901",
  "year:2025",
  "quarter:2026-Q5",
  // Redirect targets that normalise into another site's address.
  "/.//127.0.0.1:9999/x",
  "/..//127.0.0.1:9999/x",
  "/%2e//evil.example",
  "/./%5C",
  "/.%2F/evil.example",
  "/.///evil.example",
];

/** Headers by which Next answers something else than the page (a cache must never keep those answers). */
const PREFETCH_HEADERS: Record<string, string>[] = [
  { "x-middleware-prefetch": "1" },
  { rsc: "1" },
  { "next-router-prefetch": "1" },
  { "next-router-state-tree": "%5B%22%22%5D" },
  { "next-router-segment-prefetch": "/_tree" },
  { purpose: "prefetch" },
  { "x-nextjs-data": "1" },
];
const text = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);
const headerText = fc.oneof(
  fc.constantFrom("", "null", "rác", "http://evil.example", "gzip", "deflate", "br, gzip;q=0", "*"),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
);

type Route = { method: "GET" | "POST"; path: string; params?: string[]; body?: "json" | "form" | "multipart" };
const ROUTES: Route[] = [
  {
    method: "GET",
    path: "/api/v1/rankings",
    params: ["indicator", "level", "parent", "asOf", "structureOn", "period", "limit", "offset", "format"],
  },
  { method: "GET", path: "/api/v1/units", params: ["asOf", "level", "parent", "format"] },
  { method: "GET", path: "/api/v1/units/{code}/series", params: ["indicator", "from", "to", "format"] },
  { method: "GET", path: "/api/v1/exports/weekly", params: ["unit", "asOf"] },
  { method: "GET", path: "/api/v1/health" },
  { method: "GET", path: "/api/v1/entry/sheet", params: ["unit", "week"] },
  { method: "GET", path: "/", params: ["indicator", "level", "asOf", "parent", "period", "structure", "date", "lang"] },
  { method: "GET", path: "/units/{code}", params: ["date", "indicator", "lang"] },
  { method: "GET", path: "/ngon-ngu", params: ["lang", "next"] },
  { method: "GET", path: "/dang-nhap", params: ["next", "code"] },
  { method: "GET", path: "/dieu-hanh", params: ["unit", "indicator", "date", "period"] },
  { method: "GET", path: "/nhat-ky", params: ["unit", "indicator", "user", "from", "to"] },
  { method: "GET", path: "/nhap-lieu", params: ["unit", "week"] },
  { method: "GET", path: "/chi-tieu", params: ["unit", "indicator"] },
  { method: "GET", path: "/tai-khoan" },
  { method: "GET", path: "/nhap-tep" },
  { method: "GET", path: "/doi-mat-khau", params: ["next"] },
  { method: "POST", path: "/api/v1/entry/figures", body: "json" },
  { method: "POST", path: "/api/v1/entry/reports", body: "json" },
  { method: "POST", path: "/api/v1/targets", body: "json" },
  { method: "POST", path: "/api/v1/users", body: "json" },
  { method: "POST", path: "/api/v1/imports", body: "multipart" },
  { method: "POST", path: "/api/auth/callback/credentials", body: "form" },
  { method: "POST", path: "/dang-nhap", body: "form" },
  { method: "POST", path: "/doi-mat-khau", body: "form" },
];

// Bodies: random JSON, and records shaped like the real ones with every field drawn from
// junk. A request id is never a UUID and a role never a real one, so none can be valid.
const notUuid = text.filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      requestId: notUuid,
      week: text,
      unit: text,
      action: fc.oneof(text, fc.constantFrom("submit", "approve", "unlock", "create", "disable", "reset-password")),
      role: text.filter((s) => !/^[A-Z_]+$/.test(s)),
      username: text,
      displayName: text,
      indicator: text,
      deadline: text,
      directive: text,
      entries: fc.array(
        fc.record({
          unit: text,
          indicator: text,
          value: fc.oneof(fc.integer(), fc.double(), text),
          version: fc.oneof(fc.integer(), text),
        }),
        { maxLength: 4 },
      ),
    })
    .map((v) => JSON.stringify(v)),
  fc.constantFrom("{", "[", '"', '{"requestId":', "x".repeat(10_000)),
);
const formBody = fc
  .dictionary(
    fc.constantFrom("username", "password", "csrfToken", "callbackUrl", "next", "current", "confirm", "$ACTION_ID_x"),
    text,
    { maxKeys: 5 },
  )
  .map((fields) => new URLSearchParams(fields).toString());

/** Null mostly: the value in `inTen` draws out of ten. */
function seldom<T>(arbitrary: fc.Arbitrary<T>, inTen = 1): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 10 - inTen, arbitrary: fc.constant(null) }, { weight: inTen, arbitrary });
}

const drawnRequest = fc.record({
  route: fc.constantFrom(...ROUTES),
  code: text,
  params: fc.dictionary(
    fc.constantFrom(
      "indicator",
      "level",
      "parent",
      "asOf",
      "structureOn",
      "limit",
      "offset",
      "format",
      "unit",
      "week",
      "date",
      "from",
      "to",
      "user",
      "next",
      "code",
      "period",
      "structure",
      "lang",
    ),
    text,
    { maxKeys: 5 },
  ),
  /** A parameter written a second time (in one request of ten, so the rest still reach the routes). */
  repeated: seldom(fc.constantFrom("indicator", "period", "unit", "level", "date", "next")),
  prefetch: seldom(fc.constantFrom(...PREFETCH_HEADERS), 3),
  rawPercent: fc.boolean(),
  origin: fc.oneof(fc.constant("same"), fc.constant("none"), headerText),
  contentType: fc.oneof(
    fc.constant("right"),
    fc.constantFrom(
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "application/json; charset=utf-8",
    ),
    headerText,
  ),
  acceptEncoding: fc.option(headerText),
  session: fc.nat(),
  garbageCookie: fc.boolean(),
  nextAction: fc.option(headerText),
  json: jsonBody,
  form: formBody,
  fileName: fc.constantFrom("a.csv", "a.xlsx", "a.txt", "../../etc/passwd", ""),
  fileBody: fc.oneof(
    text,
    fc.constantFrom("unit_code,indicator,as_of,value\n00004,CCCD_INTAKE,2025-06-29,1\n", "PK\u0003\u0004rác"),
  ),
  multipartFields: fc.dictionary(fc.constantFrom("kind", "mode", "requestId"), notUuid, { maxKeys: 3 }),
});
type Drawn = typeof drawnRequest extends fc.Arbitrary<infer T> ? T : never;

function buildRequest(drawn: Drawn, base: string, cookies: string[]): FuzzRequest {
  const { route } = drawn;
  let path = route.path.replace("{code}", encodeURIComponent(drawn.code));
  const query = Object.entries(drawn.params)
    .filter(([name]) => !route.params || route.params.includes(name) || drawn.rawPercent)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  if (drawn.rawPercent) query.push("x=%E0%A4%A");
  if (drawn.repeated !== null) query.push(`${drawn.repeated}=a`, `${drawn.repeated}=b`);
  if (query.length) path += `?${query.join("&")}`;
  const headers: Record<string, string> = {};
  if (drawn.origin === "same") headers.origin = base;
  else if (drawn.origin !== "none") headers.origin = drawn.origin;
  if (drawn.acceptEncoding !== null) headers["accept-encoding"] = drawn.acceptEncoding;
  if (drawn.prefetch !== null) Object.assign(headers, drawn.prefetch);
  const session =
    cookies.length && drawn.session % (cookies.length + 1) < cookies.length
      ? cookies[drawn.session % (cookies.length + 1)]
      : null;
  if (session) headers.cookie = session;
  else if (drawn.garbageCookie) headers.cookie = "authjs.session-token=rác.rác.rác; __Secure-authjs.session-token=x";
  if (drawn.nextAction !== null && route.path === "/dang-nhap") headers["next-action"] = drawn.nextAction;
  let body: Buffer | undefined;
  if (route.method === "POST") {
    if (route.body === "multipart") {
      const boundary = "----fuzz0123456789";
      const parts = Object.entries(drawn.multipartFields).map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      );
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${drawn.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${drawn.fileBody}\r\n`,
      );
      body = Buffer.from(`${parts.join("")}--${boundary}--\r\n`);
      headers["content-type"] =
        drawn.contentType === "right" ? `multipart/form-data; boundary=${boundary}` : drawn.contentType;
    } else {
      body = Buffer.from(route.body === "form" ? drawn.form : drawn.json);
      const right = route.body === "form" ? "application/x-www-form-urlencoded" : "application/json";
      headers["content-type"] = drawn.contentType === "right" ? right : drawn.contentType;
    }
    if (headers["content-type"] === "") delete headers["content-type"];
  }
  return { method: route.method, path, headers, body };
}

export function send(base: string, request: FuzzRequest): Promise<number> {
  return answer(base, request).then((a) => a.status);
}

/** The status, content type and first bytes of the answer (status -1: no answer). */
function answer(base: string, request: FuzzRequest): Promise<{ status: number; type: string; head: string }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const none = { status: -1, type: "", head: "" };
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers },
      (res) => {
        let head = "";
        res.on("data", (chunk: Buffer) => {
          if (head.length < 64) head += chunk.toString("latin1");
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), head }),
        );
        res.on("error", () => resolve(none));
      },
    );
    req.setTimeout(30_000, () => req.destroy());
    req.on("error", () => resolve(none)); // a refused, closed or timed-out connection: counted apart
    req.end(request.body);
  });
}

/**
 * Sends `runs` drawn requests one after another, with the session cookies given (and
 * without any), and counts the answers by status. A 5xx is recorded with the request.
 */
export async function runHttpFuzz(base: string, cookies: string[], runs: number, seed = 2026): Promise<FuzzResult> {
  const result: FuzzResult = { requests: 0, byStatus: {}, serverErrors: [], poisoned: [] };
  await fc.assert(
    fc.asyncProperty(drawnRequest, async (drawn) => {
      const request = buildRequest(drawn, base, cookies);
      const status = await send(base, request);
      result.requests++;
      const key = status < 0 ? "no answer" : String(status);
      result.byStatus[key] = (result.byStatus[key] ?? 0) + 1;
      if (status >= 500 || status < 0) result.serverErrors.push(request);
      // After an anonymous public page asked with a prefetch header, a plain visitor still gets the page.
      if (drawn.prefetch !== null && !request.headers.cookie && /^\/(\?|$)|^\/units\//.test(request.path)) {
        const plain = await answer(base, { method: "GET", path: request.path, headers: {} });
        const isPage = plain.type.startsWith("text/html") && /^<!DOCTYPE html>/i.test(plain.head);
        if (plain.status === 200 && !isPage) result.poisoned.push(request);
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return result;
}
