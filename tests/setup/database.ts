import { inject } from "vitest";
import { db } from "@/lib/db/client";

/** The tests' own database (see test-database.ts), made the product's DATABASE_URL. */
export function connectTestDatabase() {
  process.env.DATABASE_URL = inject("databaseUrl");
  return db();
}

export const CORE_INDICATORS = [
  "CCCD_ELIGIBLE",
  "CCCD_INTAKE",
  "CCCD_ISSUED",
  "VNEID_L2_INTAKE",
  "VNEID_L2_ACTIVATED",
  "VNEID_L1_ACTIVATED",
];

/**
 * Empties every product table, keeping the migration history and the core indicators. The
 * audit table refuses TRUNCATE through a trigger; the tests' superuser switches triggers off
 * for this one statement, which the product never does.
 */
export async function resetDatabase(): Promise<void> {
  await db().$executeRawUnsafe(
    `DO $$ DECLARE t text; BEGIN
       SET LOCAL session_replication_role = replica;
       FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'indicator') LOOP
         EXECUTE format('TRUNCATE TABLE %I RESTART IDENTITY CASCADE', t);
       END LOOP;
       -- Indicators defined by a test (ratios, scorecards) go; the migration's core set stays.
       DELETE FROM indicator WHERE code NOT IN (${CORE_INDICATORS.map((c) => `'${c}'`).join(", ")});
     END $$`,
  );
}

/** Empties the named tables, the audit table included (see resetDatabase for why this is allowed here). */
export async function truncateTables(...tables: string[]): Promise<void> {
  const list = tables.map((t) => `"${t.replaceAll('"', "")}"`).join(", ");
  await db().$executeRawUnsafe(`DO $$ BEGIN SET LOCAL session_replication_role = replica; TRUNCATE ${list}; END $$`);
}
