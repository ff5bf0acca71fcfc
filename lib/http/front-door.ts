import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import proxyAddr from "proxy-addr";
import { READ_TARGET_HEADER } from "@/lib/db/read-replicas";
import type { ErrorCode } from "@/lib/errors";
import { PAGE_LOCALE_HEADER, pageLocaleOf } from "@/lib/i18n/page-locale";
import { CLIENT_ADDRESS_HEADER } from "@/lib/limits/client-address";
import { isPersonalRequest, PRIVATE_CACHE_CONTROL } from "./etag";
import { isSameOriginRequest } from "./same-origin";

/** Bodies larger than this are refused before they are read (413). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** File uploads: the 20 MB file plus the multipart envelope. */
export const MAX_UPLOAD_BODY_BYTES = 20 * 1024 * 1024 + 64 * 1024;
const UPLOAD_PATHS = /^\/api\/v1\/(imports|reconciliation)(\?|$)/;
const MAX_URL_LENGTH = 8 * 1024;
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Reads TRUST_PROXY: "false" (no proxy: the peer is the client), a hop count ("1": one
 * proxy in front), or a list of proxy addresses and ranges ("10.0.0.5, 10.1.0.0/16",
 * "loopback"). The client's address is then the first one from the right that is not a
 * trusted proxy, never the leftmost X-Forwarded-For, which the client writes itself.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyAddr.compile(text.split(",").map((part) => part.trim()));
  } catch (error) {
    throw new Error(`TRUST_PROXY không hợp lệ (${(error as Error).message}): ghi số proxy hoặc địa chỉ/dải của chúng.`);
  }
}

type Refusal = { status: number; code: ErrorCode; message: string; headers?: Record<string, string> };

/**
 * Everything a request must pass before the application sees it, for every route alike
 * (pages, route handlers, Auth.js, server actions): a sane URL, a body within its size
 * limit (by Content-Length, and counted while it streams in), writes from this site only,
 * forwarded headers only from a trusted proxy, and a body that a page's server action can
 * decode. Resolves false when it has answered.
 */
export async function frontDoor(req: IncomingMessage, res: ServerResponse, trustProxy: TrustProxy): Promise<boolean> {
  const peerTrusted = trustProxy(req.socket.remoteAddress ?? "", 0);
  const address = proxyAddr(req, trustProxy);
  delete req.headers[CLIENT_ADDRESS_HEADER];
  delete req.headers[READ_TARGET_HEADER]; // set only by the page cache, behind this door
  req.headers[CLIENT_ADDRESS_HEADER] = address || "unknown";
  if (!peerTrusted) {
    // Next and Auth.js build URLs and compare origins from these: only a trusted proxy may set them.
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  req.headers["x-forwarded-for"] = address || "unknown";
  req.headers[PAGE_LOCALE_HEADER] = pageLocaleOf(req.url ?? "/", req.headers.cookie);

  const refusal = checkUrl(req) ?? checkBody(req) ?? checkOrigin(req);
  if (refusal) {
    refuse(res, refusal);
    return false;
  }
  const held = watchBody(req, res, holdsActionBody(req));
  if (held) {
    const body = await held.whole;
    if (body === null) return false; // too large (answered 413) or the client went away
    const problem = await actionBodyProblem(req, body);
    if (problem) {
      refuse(res, problem);
      return false;
    }
    held.release(); // kept in the stream's buffer until the application reads it
  }
  // Nothing a signed-in user (a cookie, or credentials) receives may be kept by a shared cache
  // or the browser's disk.
  if (isPersonalRequest(req.headers) && !req.url?.startsWith("/_next/static/"))
    res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
  return true;
}

/**
 * A POST to a page is a server action, whose body Next decodes itself (multipart, or the
 * JSON text React sends): a body it cannot decode makes it answer 500. Such bodies (1 MB
 * at most) are read first and checked, and handed on only when they decode.
 */
function holdsActionBody(req: IncomingMessage): boolean {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/")) return false;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  return (
    type.startsWith("multipart/form-data") ||
    (type.startsWith("text/plain") && req.headers["next-action"] !== undefined)
  );
}

/** Why Next could not decode this server action body, or null when it can. */
async function actionBodyProblem(req: IncomingMessage, body: Buffer): Promise<Refusal | null> {
  const type = String(req.headers["content-type"] ?? "");
  if (type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      // The parser Next itself uses (undici's).
      await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
      return null;
    } catch {
      return {
        status: 400,
        code: "bad_action_body",
        message: "Nội dung multipart/form-data không đọc được (thiếu boundary hoặc sai cấu trúc).",
      };
    }
  }
  try {
    JSON.parse(body.toString("utf8"));
    return null;
  } catch {
    return {
      status: 400,
      code: "bad_action_body",
      message: "Nội dung gửi cho thao tác trên trang không phải JSON hợp lệ.",
    };
  }
}

function checkUrl(req: IncomingMessage): Refusal | null {
  const url = req.url ?? "/";
  if (url.length > MAX_URL_LENGTH)
    return { status: 414, code: "url_too_long", message: `Địa chỉ dài quá ${MAX_URL_LENGTH} ký tự.` };
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
  } catch {
    return { status: 400, code: "bad_encoding", message: "Địa chỉ có mã phần trăm (%) không hợp lệ." };
  }
  // PostgreSQL text cannot hold NUL: refused here rather than failing in a query.
  if (/%00/i.test(url) || url.includes("\u0000"))
    return { status: 400, code: "nul_character", message: "Địa chỉ chứa ký tự NUL (%00)." };
  const repeated = repeatedParam(url);
  if (repeated !== null)
    return {
      status: 400,
      code: "repeated_param",
      message: `Tham số "${repeated.slice(0, 40)}" được ghi nhiều lần trong địa chỉ; mỗi tham số chỉ ghi một lần.`,
    };
  return null;
}

/**
 * The first query parameter named twice, or null. No page or route of the product takes a
 * list in its query, and pages read a repeated one as an array where they expect text.
 */
export function repeatedParam(url: string): string | null {
  const query = url.indexOf("?");
  if (query < 0) return null;
  const seen = new Set<string>();
  for (const name of new URLSearchParams(url.slice(query + 1).split("#")[0]).keys()) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

function bodyLimit(req: IncomingMessage): number {
  return UPLOAD_PATHS.test(req.url ?? "") ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    code: "body_too_large",
    message: `Nội dung gửi lên lớn hơn ${formatMegabytes(limit)}; tệp lớn hơn nhập bằng dòng lệnh (npm run cli -- import).`,
  };
}

function checkBody(req: IncomingMessage): Refusal | null {
  const declared = req.headers["content-length"];
  if (declared === undefined) return null;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0)
    return { status: 400, code: "bad_content_length", message: "Content-Length không hợp lệ." };
  return length > bodyLimit(req) ? tooLarge(bodyLimit(req)) : null;
}

function checkOrigin(req: IncomingMessage): Refusal | null {
  if (!UNSAFE_METHODS.has(req.method ?? "GET")) return null;
  const host = String(req.headers["x-forwarded-host"] ?? req.headers.host ?? "");
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  if (isSameOriginRequest({ origin, host, secFetchSite: typeof site === "string" ? site : undefined })) return null;
  return {
    status: 403,
    code: "cross_site_write",
    message: "Yêu cầu ghi phải đến từ chính trang này (thiếu hoặc sai tiêu đề Origin).",
  };
}

/**
 * Counts the body as the parser hands it over: past the limit (a chunked body has no
 * Content-Length to refuse it by) the request is answered 413 and the connection closed, so
 * nothing buffers it. With `hold`, the body is kept back from the application until
 * `release` (after the front door has looked at it).
 */
function watchBody(
  req: IncomingMessage,
  res: ServerResponse,
  hold: boolean,
): { whole: Promise<Buffer | null>; release: () => void } | null {
  if (!hold && req.headers["content-length"] !== undefined) return null; // Node stops at the declared length
  const limit = bodyLimit(req);
  const push = req.push.bind(req);
  const held: (Buffer | null)[] = [];
  let received = 0;
  let settle: (body: Buffer | null) => void = () => {};
  const whole = new Promise<Buffer | null>((resolve) => {
    settle = resolve;
  });
  req.once("close", () => settle(null)); // no effect once settled
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk !== null) received += chunk.length;
    if (received > limit) {
      req.push = () => false;
      refuse(res, tooLarge(limit));
      req.destroy();
      settle(null);
      return false;
    }
    if (!hold) return push(chunk, encoding);
    held.push(chunk);
    if (chunk === null) settle(Buffer.concat(held.filter((c): c is Buffer => c !== null)));
    return true;
  };
  if (!hold) return null;
  return {
    whole,
    release: () => {
      req.push = push;
      for (const chunk of held) push(chunk);
    },
  };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(refusal.status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
    ...refusal.headers,
  });
  res.end(JSON.stringify({ error: { code: refusal.code, message: refusal.message } }));
}

function formatMegabytes(bytes: number): string {
  return `${Math.floor(bytes / 1024 / 1024)} MB`;
}
