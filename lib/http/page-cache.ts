import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { constants, gunzipSync } from "node:zlib";
import { TooBusyError } from "@/lib/errors";
import { isoDate, todayInVietnam } from "@/lib/format/dates";
import {
  ERROR_CACHE_CONTROL,
  entityTag,
  ifNoneMatchHits,
  isPersonalRequest,
  mergeVary,
  SHARED_CACHE_CONTROL,
  SHARED_VARY,
} from "./etag";

type Entry = { version: string; status: number; headers: OutgoingHttpHeaders; body: Buffer };
type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
/**
 * Reads the data version for a page request from the server that will render it (with read
 * replicas, it pins that server on the request); `recheck` reads it there again.
 */
export type PageVersion = (req: IncomingMessage) => Promise<{ version: string; recheck: () => Promise<string> }>;

/** Public pages whose HTML depends only on the URL, the data and the day. */
const CACHEABLE = /^\/(\?|$)|^\/units\/\d{2,5}(\?|$)/;

/**
 * Remembers the rendered HTML of public pages until the data changes: every write
 * transaction bumps data_version, so one cheap read of it per request decides whether a
 * remembered page is still right (across processes: the CLI's imports count too). Only
 * anonymous full-page GETs are remembered: a request carrying a cookie, credentials or any
 * header by which Next answers something else than the page (RSC payloads, prefetches)
 * goes straight to Next, and only a complete HTML document that may be shared is kept. A page
 * is kept only when the version read after rendering is the one read before: its data all
 * come from that one version.
 *
 * Each page is named by an ETag (the data version, and a digest of the key and the release):
 * a request whose If-None-Match names it is answered 304 at once, whether the page is still
 * remembered or not, since the same key at the same version renders the same page. A page
 * that may be shared says so (`SHARED_CACHE_CONTROL`); an error page says no-store.
 */
export function withPageCache(
  handle: Handler,
  readVersion: PageVersion,
  options: {
    maxEntries?: number;
    maxBytes?: number;
    /**
     * Counts a page that must be rendered (not remembered) against its client's address, as
     * the API counts new rankings; throws TooBusyError past the limit.
     */
    admitRender?: (req: IncomingMessage) => Promise<void>;
  } = {},
): Handler {
  const limits = { maxEntries: options.maxEntries ?? 500, maxBytes: options.maxBytes ?? 64 * 1024 * 1024 };
  const entries = new Map<string, Entry>();
  let bytes = 0;
  /** The Vary of the pages Next renders (the same for all), for a 304 sent without one. */
  let pageVary = mergeVary(undefined, SHARED_VARY);
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  return async (req, res) => {
    const url = req.url ?? "/";
    if (!isCacheable(req, url)) return handle(req, res);
    // The bytes differ only by whether they are gzipped: Next is asked for exactly what the
    // key says, so a client asking for deflate (or br) cannot leave other bytes under it.
    const encoding = acceptsGzip(req.headers["accept-encoding"]) ? "gzip" : "identity";
    req.headers["accept-encoding"] = encoding;
    const key = `${isoDate(todayInVietnam())} ${encoding} ${url}`;
    const { version, recheck } = await readVersion(req);
    const tag = entityTag(version, key);
    const hit = entries.get(key);
    const fresh = hit !== undefined && hit.version === version;
    const asked = req.headers["if-none-match"];
    // The cache answers conditions itself: Next is always asked for the whole page.
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
    const shared = { etag: tag, "cache-control": SHARED_CACHE_CONTROL };
    if (ifNoneMatchHits(asked, tag, fresh)) {
      res.writeHead(304, { ...shared, vary: pageVary, "x-page-cache": "not-modified" });
      res.end();
      return;
    }
    if (hit && fresh) {
      res.writeHead(hit.status, { ...hit.headers, ...shared, "x-page-cache": "hit" });
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
    const refusal = await options.admitRender?.(req).then(
      () => null,
      (error: unknown) => error,
    );
    if (refusal) return tooBusy(req, res, refusal);
    // What the rendered answer tells caches, decided when Next writes its head.
    const captured = capture(res, (status, headers): Record<string, string> => {
      if (status >= 400) return { "cache-control": ERROR_CACHE_CONTROL };
      if (status !== 200 || !isSharedHtmlType(headers)) return {};
      return { ...shared, vary: mergeVary(headers.vary, SHARED_VARY) };
    });
    res.setHeader("x-page-cache", "miss");
    await handle(req, res);
    await captured.finished;
    const body = captured.body();
    const keep = res.statusCode === 200 && body && req.method === "GET" && body.length <= limits.maxBytes / 8;
    const headers = keep ? captured.headers() : {};
    if (keep && isSharedHtmlPage(headers, body) && (await recheck().catch(() => null)) === version) {
      forget(key);
      entries.set(key, { version, status: res.statusCode, headers, body });
      pageVary = String(headers.vary);
      bytes += body.length;
      while (entries.size > limits.maxEntries || bytes > limits.maxBytes) forget(entries.keys().next().value as string);
    }
  };
}

/** A page refused to an address that asked for too many new ones: 429, in the page's language. */
function tooBusy(req: IncomingMessage, res: ServerResponse, refusal: unknown): void {
  if (!(refusal instanceof TooBusyError)) throw refusal;
  const english = /[?&]lang=en(&|$)/.test(req.url ?? "");
  const text = english
    ? `Too many new pages were asked from this address; please try again in ${refusal.retryAfterSeconds} s.`
    : `${refusal.message} (thử lại sau ${refusal.retryAfterSeconds} giây)`;
  res.writeHead(429, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(refusal.retryAfterSeconds),
  });
  res.end(
    `<!DOCTYPE html><html lang="${english ? "en" : "vi"}"><meta charset="utf-8"><title>429</title>` +
      `<meta name="viewport" content="width=device-width"><p>${text}</p></html>`,
  );
}

/** Whether an Accept-Encoding header admits gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  return text.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name?.trim() !== "gzip" && name?.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Request headers by which Next (or a platform in front of it) answers something other than
 * the full page: RSC payloads, router prefetches, middleware prefetches ("{}"), data requests.
 * Matched by family, so one Next adds later is covered too.
 */
const ANSWER_CHANGING_HEADER =
  /^(rsc$|next-|x-next|x-middleware|x-invoke|x-matched|x-now|x-vercel|x-prerender|purpose$)/;

function isCacheable(req: IncomingMessage, url: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (isPersonalRequest(req.headers)) return false;
  if (Object.keys(req.headers).some((name) => ANSWER_CHANGING_HEADER.test(name))) return false;
  return CACHEABLE.test(url);
}

/**
 * Whether an answer is a whole HTML document that anyone may be given: HTML by its type and
 * by its first bytes (gzipped or not), and setting no cookie.
 */
function isSharedHtmlPage(headers: OutgoingHttpHeaders, body: Buffer): boolean {
  if (!isSharedHtmlType(headers)) return false;
  try {
    // The first bytes are enough: a partial gzip stream inflates up to where it stops.
    const html =
      headers["content-encoding"] === "gzip"
        ? gunzipSync(body.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH })
        : body;
    return /^\s*<!doctype html/i.test(html.subarray(0, 64).toString("latin1"));
  } catch {
    return false;
  }
}

/** HTML by its type, setting no cookie (what the head of a page anyone may be given says). */
function isSharedHtmlType(headers: OutgoingHttpHeaders): boolean {
  return String(headers["content-type"] ?? "").startsWith("text/html") && headers["set-cookie"] === undefined;
}

/**
 * Records what Next writes to the response, without changing what the client receives but
 * for the headers `decorate` returns, given the status and headers when the head is written.
 */
function capture(
  res: ServerResponse,
  decorate: (status: number, headers: OutgoingHttpHeaders) => Record<string, string>,
) {
  const chunks: Buffer[] = [];
  let inlineHeaders: OutgoingHttpHeaders = {};
  let complete = false;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding as BufferEncoding | undefined));
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const at = rest.findIndex((r) => r && typeof r === "object" && !Array.isArray(r));
    const given = at < 0 ? {} : lowerCased(rest[at] as OutgoingHttpHeaders);
    const extra = decorate(status, { ...res.getHeaders(), ...given });
    for (const [name, value] of Object.entries(extra)) {
      res.setHeader(name, value);
      delete given[name];
    }
    if (at >= 0) rest[at] = given;
    inlineHeaders = { ...inlineHeaders, ...given };
    return (writeHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, typeof rest[0] === "string" ? rest[0] : undefined);
    complete = true;
    return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof res.end;
  const finished = new Promise<void>((resolve) => {
    if (res.writableFinished) resolve();
    res.once("finish", () => resolve());
    res.once("close", () => resolve());
  });
  return {
    finished,
    body: () => (complete && res.writableFinished ? Buffer.concat(chunks) : null),
    headers: (): OutgoingHttpHeaders => {
      const headers: OutgoingHttpHeaders = { ...res.getHeaders(), ...inlineHeaders };
      // Per request, never replayed: each answer carries its own request's id.
      delete headers["x-page-cache"];
      delete headers["x-request-id"];
      // Replayed with the tag and caching of the moment it is served.
      delete headers.etag;
      delete headers["cache-control"];
      headers.vary = mergeVary(headers.vary, SHARED_VARY);
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      headers["content-length"] = Buffer.concat(chunks).length;
      return headers;
    },
  };
}

function lowerCased(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
