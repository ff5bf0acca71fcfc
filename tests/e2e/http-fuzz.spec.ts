import { expect, test } from "@playwright/test";
import { runHttpFuzz } from "../../bench/http-fuzz";
import { e2eDatabase, writeFingerprint } from "./database";
import { httpClient } from "./staff";

// A few thousand drawn requests over every route, parameter, header and body (see
// bench/http-fuzz.ts), anonymous and as three roles: no 5xx, and nothing written.
test("fuzzed requests never get a 5xx and never write", async ({ baseURL }) => {
  test.setTimeout(600_000);
  const cookies: string[] = [];
  for (const username of ["canbo.xa", "canbo.hanoi", "quantri.bo"]) {
    const client = await httpClient(baseURL as string, username);
    const { cookies: jar } = await client.storageState();
    cookies.push(jar.map((c) => `${c.name}=${c.value}`).join("; "));
    await client.dispose();
  }
  const db = await e2eDatabase();
  try {
    const before = await writeFingerprint(db);
    const result = await runHttpFuzz(baseURL as string, cookies, 2500);
    console.log(`fuzz: ${result.requests} requests, by status ${JSON.stringify(result.byStatus)}`);
    const shown = result.serverErrors.slice(0, 5).map((r) => ({ ...r, body: r.body?.toString("utf8").slice(0, 300) }));
    expect(shown).toEqual([]);
    // Prefetch headers were drawn for public pages: none left anything but the page for the next visitor.
    expect(result.poisoned.map((r) => `${r.path} ${JSON.stringify(r.headers)}`)).toEqual([]);
    expect(result.requests).toBe(2500);
    expect(await writeFingerprint(db)).toEqual(before);
  } finally {
    await db.end();
  }
});
