import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * What a public anonymous answer (the public API, a remembered public page) tells caches:
 * browsers revalidate every time (max-age=0: a reload after a save shows it, answered by a
 * cheap 304 while the data are the same); a shared cache (a CDN, or nginx if it is ever told
 * to cache) may serve it for 30 s without asking, and 30 s more while it asks in the
 * background. Public figures change a few times a day, so half a minute behind is harmless
 * to a visitor, and it lets a cache in front absorb a burst on one address.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";
/** Anything answered to a request with a cookie or credentials: never stored, by anyone. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** Errors: each is about its own request (a wrong parameter, too many from one address). */
export const ERROR_CACHE_CONTROL = "no-store";
/**
 * The bytes differ by whether they are compressed; a signed-in visitor is answered from the
 * primary (and pages differ for them), so no shared cache may give them the anonymous copy.
 */
export const SHARED_VARY = ["Accept-Encoding", "Cookie"];

/** Whether a request carries anything personal: a cookie or credentials. */
export function isPersonalRequest(headers: { cookie?: unknown; authorization?: unknown }): boolean {
  return Boolean(headers.cookie) || Boolean(headers.authorization);
}

let release: string | undefined;
/**
 * The build being served (Next's .next/BUILD_ID): a new release may change the bytes of an
 * answer whose data did not change (a page's script names, a new field), so it is part of
 * every tag. Without a build (tests, development) it is "dev".
 */
export function releaseId(): string {
  if (release === undefined) {
    try {
      release = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim() || "dev";
    } catch {
      release = "dev";
    }
  }
  return release;
}

/**
 * The entity tag of an answer: the data version it was read at, and a digest of everything
 * else that changes its bytes (`key`: the day, the address with its parameters, and for a
 * page whether it is gzipped; the release). Weak, because the same answer may go out
 * gzipped or not (by Next or a proxy) under the same tag; it changes exactly when the
 * answer can. Every instance of one release computes the same tag for the same answer.
 */
export function entityTag(version: string, key: string): string {
  const digest = createHash("sha256").update(`${releaseId()}\n${key}`).digest("base64url").slice(0, 22);
  return `W/"${version}-${digest}"`;
}

/**
 * Whether If-None-Match names `tag`: a list of tags, strong or weak, compared weakly
 * (RFC 9110 §13.1.2); `*` matches only when `exists` (the answer would be a 200).
 */
export function ifNoneMatchHits(header: string | string[] | null | undefined, tag: string, exists: boolean): boolean {
  const text = (Array.isArray(header) ? header.join(",") : (header ?? "")).trim();
  if (text === "") return false;
  if (text === "*") return exists;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  const wanted = opaque(tag);
  return (text.match(/(W\/)?"[^"]*"/g) ?? []).some((candidate) => opaque(candidate) === wanted);
}

/** A Vary header holding `current`'s names and `names`, each once. */
export function mergeVary(current: unknown, names: string[]): string {
  const all = String(current ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of names) if (!all.some((v) => v.toLowerCase() === name.toLowerCase())) all.push(name);
  return all.join(", ");
}
