import { inject } from "vitest";
import { db } from "@/lib/db/client";

/** The tests' own database (see test-database.ts), made the product's DATABASE_URL. */
export function connectTestDatabase() {
  process.env.DATABASE_URL = inject("databaseUrl");
  return db();
}

/** Empties every product table, keeping the migration history and the core indicators. */
export async function resetDatabase(): Promise<void> {
  await db().$executeRawUnsafe(
    `DO $$ DECLARE t text; BEGIN
       FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'indicator') LOOP
         EXECUTE format('TRUNCATE TABLE %I RESTART IDENTITY CASCADE', t);
       END LOOP;
     END $$`,
  );
}
