import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { isoDate, todayInVietnam } from "@/lib/format/dates";

type Entry = { version: string; status: number; headers: OutgoingHttpHeaders; body: Buffer };
type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Public pages whose HTML depends only on the URL, the data and the day. */
const CACHEABLE = /^\/(\?|$)|^\/units\/\d{2,5}(\?|$)/;

/**
 * Remembers the rendered HTML of public pages until the data changes: every write
 * transaction bumps data_version, so one cheap read of it per request decides whether a
 * remembered page is still right (across processes: the CLI's imports count too). Only
 * anonymous full-page GETs are remembered; client navigations (RSC requests) and anything
 * carrying a cookie go straight to Next.
 */
export function withPageCache(handle: Handler, readVersion: () => Promise<string>, maxEntries = 500): Handler {
  const entries = new Map<string, Entry>();
  return async (req, res) => {
    const url = req.url ?? "/";
    if (!isCacheable(req, url)) return handle(req, res);
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const key = `${isoDate(todayInVietnam())} ${gzip ? "gzip" : "identity"} ${url}`;
    const version = await readVersion();
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      res.writeHead(hit.status, { ...hit.headers, "x-page-cache": "hit" });
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
    const captured = capture(res);
    res.setHeader("x-page-cache", "miss");
    await handle(req, res);
    await captured.finished;
    const body = captured.body();
    if (res.statusCode === 200 && body && req.method === "GET") {
      entries.delete(key);
      entries.set(key, { version, status: res.statusCode, headers: captured.headers(), body });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    }
  };
}

function isCacheable(req: IncomingMessage, url: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers.cookie || req.headers.authorization) return false;
  if (req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-router-state-tree"]) return false;
  return CACHEABLE.test(url);
}

/** Records what Next writes to the response, without changing what the client receives. */
function capture(res: ServerResponse) {
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
    const headers = rest.find((r) => r && typeof r === "object") as OutgoingHttpHeaders | undefined;
    if (headers && !Array.isArray(headers)) inlineHeaders = { ...inlineHeaders, ...headers };
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
      delete headers["x-page-cache"];
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      headers["content-length"] = Buffer.concat(chunks).length;
      return headers;
    },
  };
}
