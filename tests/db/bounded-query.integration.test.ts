import { describe, expect, it } from "vitest";
import { boundedQuery } from "@/lib/db/bounded-query";
import { sql } from "@/lib/db/sql";
import { TooCostlyError } from "@/lib/errors";
import { connectTestDatabase } from "../setup/database";

const prisma = connectTestDatabase();
const tooCostly = "quá lâu";

async function runningSleeps(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()`;
  return row?.n ?? 0;
}

describe("a read under a cost ceiling", () => {
  it("is stopped by PostgreSQL at its time limit, and the connection keeps no limit", async () => {
    const started = performance.now();
    await expect(boundedQuery(prisma, sql`SELECT pg_sleep(30)`, { timeoutMs: 200, tooCostly })).rejects.toBeInstanceOf(
      TooCostlyError,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    // The limit was local to the read's own transaction.
    const settings = await Promise.all(
      Array.from(
        { length: 12 },
        () => prisma.$queryRaw<{ s: string }[]>`SELECT current_setting('statement_timeout') AS s`,
      ),
    );
    expect(new Set(settings.map((r) => r[0]?.s))).toEqual(new Set(["0"]));
  });

  it("is cancelled in the database as soon as its signal aborts", async () => {
    const stop = new AbortController();
    const read = boundedQuery(prisma, sql`SELECT pg_sleep(30)`, { timeoutMs: 60_000, signal: stop.signal, tooCostly });
    const outcome = read.catch((error: unknown) => error);
    for (let i = 0; i < 100 && (await runningSleeps()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await runningSleeps()).toBe(1);
    const started = performance.now();
    stop.abort();
    expect(await outcome).toBeInstanceOf(TooCostlyError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await runningSleeps()).toBe(0);
  });

  it("answers as a plain read within its limit, and without a ceiling runs as it is", async () => {
    const rows = await boundedQuery<{ n: number }[]>(prisma, sql`SELECT 41 + 1 AS n`, { timeoutMs: 1_000, tooCostly });
    expect(rows).toEqual([{ n: 42 }]);
    expect(await boundedQuery<{ n: number }[]>(prisma, sql`SELECT 7 AS n`)).toEqual([{ n: 7 }]);
  });
});
