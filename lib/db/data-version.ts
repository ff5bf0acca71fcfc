import "server-only";
import type { Db } from "@/lib/db/db";

/**
 * Marks the data as changed. Call it as the last statement of a write transaction: the row
 * lock is then held only until the commit, and a reader that sees the new version is sure
 * to see the new data too.
 */
export async function bumpDataVersion(db: Db): Promise<void> {
  await db.$executeRaw`
    INSERT INTO data_version (id, version) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1, changed_at = now()`;
}

export async function readDataVersion(db: Db): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM data_version WHERE id = 1`;
  return rows[0]?.version ?? 0n;
}
