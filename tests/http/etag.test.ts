import { describe, expect, it } from "vitest";
import { entityTag, ifNoneMatchHits, isPersonalRequest, mergeVary } from "@/lib/http/etag";

describe("entity tags", () => {
  it("change with the data version and with the key, and are weak", () => {
    const tag = entityTag("7", "2026-01-01 /api/v1/rankings?indicator=A");
    expect(tag).toMatch(/^W\/"7-[\w-]{22}"$/);
    expect(entityTag("7", "2026-01-01 /api/v1/rankings?indicator=A")).toBe(tag);
    expect(entityTag("8", "2026-01-01 /api/v1/rankings?indicator=A")).not.toBe(tag);
    expect(entityTag("7", "2026-01-02 /api/v1/rankings?indicator=A")).not.toBe(tag);
    expect(entityTag("7", "2026-01-01 /api/v1/rankings?indicator=A&format=csv")).not.toBe(tag);
  });

  it("If-None-Match compares weakly, reads lists, and * only names an answer that exists", () => {
    const tag = 'W/"7-abc"';
    expect(ifNoneMatchHits('W/"7-abc"', tag, false)).toBe(true);
    expect(ifNoneMatchHits('"7-abc"', tag, false)).toBe(true);
    expect(ifNoneMatchHits(' "x", W/"y" ,"7-abc"', tag, false)).toBe(true);
    expect(ifNoneMatchHits('"7-abcd", "7-ab"', tag, false)).toBe(false);
    expect(ifNoneMatchHits("7-abc", tag, false)).toBe(false);
    expect(ifNoneMatchHits("*", tag, false)).toBe(false);
    expect(ifNoneMatchHits("*", tag, true)).toBe(true);
    expect(ifNoneMatchHits(undefined, tag, true)).toBe(false);
    expect(ifNoneMatchHits("", tag, true)).toBe(false);
  });

  it("know a personal request, and merge Vary without repeating a name", () => {
    expect(isPersonalRequest({ cookie: "a=b" })).toBe(true);
    expect(isPersonalRequest({ authorization: "Bearer x" })).toBe(true);
    expect(isPersonalRequest({ cookie: "" })).toBe(false);
    expect(mergeVary("rsc, accept-encoding", ["Accept-Encoding", "Cookie"])).toBe("rsc, accept-encoding, Cookie");
    expect(mergeVary(undefined, ["Accept-Encoding", "Cookie"])).toBe("Accept-Encoding, Cookie");
  });
});
