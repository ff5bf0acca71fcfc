import { describe, expect, it } from "vitest";
import { TooBusyError } from "@/lib/errors";
import { RateLimit, WorkLimit } from "@/lib/http/work-limits";

describe("expensive work anyone can ask for", () => {
  it("runs at most `running` at once, queues `waiting` more and refuses the rest with a retry time", async () => {
    const limit = new WorkLimit({ running: 2, waiting: 1, retryAfterSeconds: 5, busyMessage: "bận" });
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      limit.run(async () => {
        peak = Math.max(peak, ++active);
        await new Promise<void>((resolve) => releases.push(resolve));
        active--;
        return "xong";
      });
    const accepted = [job(), job(), job()];
    await expect(job()).rejects.toMatchObject({ message: "bận", retryAfterSeconds: 5 });
    const all = Promise.all(accepted);
    for (let released = 0; released < 3; ) {
      const release = releases.shift();
      if (release) {
        release();
        released++;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await all).toEqual(["xong", "xong", "xong"]);
    expect(peak).toBe(2);
    expect(limit.busy).toBe(0);
  });

  it("limits each address per window and forgets the oldest addresses past its bound", () => {
    const rate = new RateLimit({ perWindow: 3, windowSeconds: 60, maxKeys: 2, message: "nhiều quá" });
    for (let i = 0; i < 3; i++) rate.take("10.0.0.1", 1_000 + i);
    let refused: unknown;
    try {
      rate.take("10.0.0.1", 2_000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(TooBusyError);
    expect((refused as TooBusyError).retryAfterSeconds).toBe(59);
    expect(() => rate.take("10.0.0.1", 61_001)).not.toThrow();
    rate.take("10.0.0.2", 61_002);
    rate.take("10.0.0.3", 61_003); // 10.0.0.1 is forgotten: the map never holds more than 2 addresses
    expect(() => {
      for (let i = 0; i < 3; i++) rate.take("10.0.0.1", 61_004 + i);
    }).not.toThrow();
  });
});
