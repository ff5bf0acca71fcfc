import { describe, expect, it } from "vitest";
import { WorkLimit } from "@/lib/limits/work-limits";

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
});
