import "server-only";
import type { Db } from "@/lib/db/db";
import { TooBusyError } from "@/lib/errors";

/**
 * At most `perWindow` uses per key (a client address) in each fixed window of
 * `windowSeconds`, counted in PostgreSQL so that every instance behind a load balancer
 * shares one count: one upsert per use. Pass the primary's client: a replica cannot write.
 * Old windows are pruned now and then, so the table holds about one window's keys.
 */
export class SharedRateLimit {
  constructor(private readonly limits: { bucket: string; perWindow: number; windowSeconds: number; message: string }) {}

  /** Counts one use for this key, or throws TooBusyError naming when the next one is allowed. */
  async take(primary: Db, key: string): Promise<void> {
    const { bucket, windowSeconds } = this.limits;
    const [row] = await primary.$queryRaw<{ uses: number; retry: number }[]>`
      WITH now_window AS (
        SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds})::timestamp AS start
      )
      INSERT INTO rate_limit_window AS r (bucket, key, window_start, uses)
      SELECT ${bucket}, ${key.slice(0, 100)}, start, 1 FROM now_window
      ON CONFLICT (bucket, key) DO UPDATE SET
        uses = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.uses + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
      RETURNING uses,
        ceil(extract(epoch FROM window_start + make_interval(secs => ${windowSeconds}) - now()::timestamp))::int AS retry`;
    if (Math.random() < 0.01) {
      await primary.$executeRaw`
        DELETE FROM rate_limit_window WHERE window_start < now()::timestamp - make_interval(secs => ${windowSeconds})`;
    }
    if ((row?.uses ?? 0) > this.limits.perWindow)
      throw new TooBusyError(this.limits.message, Math.max(1, row?.retry ?? 1));
  }
}
