import "server-only";
import pg from "pg";
import { readMigrations } from "@/lib/postgres/schema-engine";

/**
 * The migrations of this checkout (prisma/migrations) that the database at `url` has not
 * applied, in order: every one of them when it was never migrated. Reads only.
 */
export async function pendingMigrations(url: string): Promise<string[]> {
  const expected = (await readMigrations()).migrationDirectories.map((m) => m.path);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const history = await client.query<{ present: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
    );
    if (!history.rows[0]?.present) return expected;
    const { rows } = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.name));
    return expected.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}
