import { beforeEach, describe, expect, it } from "vitest";
import { TooBusyError } from "@/lib/errors";
import { SharedRateLimit } from "@/lib/limits/shared-rate-limit";
import { connectTestDatabase, truncateTables } from "../setup/database";

const prisma = connectTestDatabase();

beforeEach(() => truncateTables("rate_limit_window"));

describe("a rate limit every instance shares", () => {
  it("counts each address per window in the database and refuses past the limit with when to retry", async () => {
    const limit = new SharedRateLimit({ bucket: "test", perWindow: 3, windowSeconds: 60, message: "nhiều quá" });
    // Two instances are two objects over one table: their uses add up.
    const other = new SharedRateLimit({ bucket: "test", perWindow: 3, windowSeconds: 60, message: "nhiều quá" });
    await limit.take(prisma, "10.0.0.1");
    await other.take(prisma, "10.0.0.1");
    await limit.take(prisma, "10.0.0.1");
    const refused = await other.take(prisma, "10.0.0.1").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooBusyError);
    expect((refused as TooBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refused as TooBusyError).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address, and the same address under another limit, count apart.
    await expect(limit.take(prisma, "10.0.0.2")).resolves.toBeUndefined();
    await expect(
      new SharedRateLimit({ bucket: "other", perWindow: 1, windowSeconds: 60, message: "x" }).take(prisma, "10.0.0.1"),
    ).resolves.toBeUndefined();

    // A new window starts the count again.
    await prisma.$executeRaw`UPDATE rate_limit_window SET window_start = window_start - interval '1 minute'`;
    await expect(limit.take(prisma, "10.0.0.1")).resolves.toBeUndefined();
    const [row] = await prisma.$queryRaw<{ uses: number }[]>`
      SELECT uses FROM rate_limit_window WHERE bucket = 'test' AND key = '10.0.0.1'`;
    expect(row?.uses).toBe(1);
  });

  it("counts every one of many simultaneous uses exactly once", async () => {
    const limit = new SharedRateLimit({ bucket: "burst", perWindow: 20, windowSeconds: 60, message: "nhiều quá" });
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => limit.take(prisma, "10.9.9.9")));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(20);
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(10);
  });
});
