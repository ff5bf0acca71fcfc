import "server-only";
import { readDataVersion } from "@/lib/db/data-version";
import { publicReadDb } from "@/lib/db/public-read";
import { isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  ERROR_CACHE_CONTROL,
  entityTag,
  ifNoneMatchHits,
  isPersonalRequest,
  mergeVary,
  PRIVATE_CACHE_CONTROL,
  SHARED_CACHE_CONTROL,
  SHARED_VARY,
} from "@/lib/http/etag";
import { handleApiError } from "./respond";

/**
 * A public API answer with its caching headers. The data version is read first, from the
 * very server (replica or primary) the answer's data are read from; with the day and the
 * address (parameters, format and page included) it names the answer (ETag). A request
 * whose If-None-Match names it is answered 304 at once, without computing anything. Otherwise
 * the answer is computed; it carries the tag only if the version read again afterwards is
 * the same (its data all come from that version). Anonymous answers may be kept briefly by
 * shared caches; answers to a request with a cookie or credentials are never stored, nor is
 * any error.
 */
export async function publicAnswer(
  request: Request,
  answer: (prisma: PrismaClient) => Promise<Response>,
): Promise<Response> {
  const personal = isPersonalRequest({
    cookie: request.headers.get("cookie"),
    authorization: request.headers.get("authorization"),
  });
  const caching = (headers: Headers, tag: string | null) => {
    headers.set("cache-control", personal ? PRIVATE_CACHE_CONTROL : SHARED_CACHE_CONTROL);
    headers.set("vary", mergeVary(headers.get("vary"), SHARED_VARY));
    if (tag) headers.set("etag", tag);
  };
  try {
    const prisma = publicReadDb(request.headers);
    const version = String(await readDataVersion(prisma));
    const url = new URL(request.url);
    const tag = entityTag(version, `${isoDate(todayInVietnam())} ${url.pathname}${url.search}`);
    const asked = request.headers.get("if-none-match");
    if (ifNoneMatchHits(asked, tag, false)) return notModified(caching, tag);
    const response = await answer(prisma);
    if (response.status !== 200) {
      response.headers.set("cache-control", ERROR_CACHE_CONTROL);
      return response;
    }
    const same = String(await readDataVersion(prisma)) === version;
    if (same && ifNoneMatchHits(asked, tag, true)) return notModified(caching, tag);
    caching(response.headers, same ? tag : null);
    return response;
  } catch (error) {
    const response = handleApiError(error);
    response.headers.set("cache-control", ERROR_CACHE_CONTROL);
    return response;
  }
}

function notModified(caching: (headers: Headers, tag: string) => void, tag: string): Response {
  const response = new Response(null, { status: 304 });
  caching(response.headers, tag);
  return response;
}
