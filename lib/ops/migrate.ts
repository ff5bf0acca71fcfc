import "server-only";
import { type DatabaseServer, migrateDatabase } from "@/lib/postgres/database-server";
import { backfillOfficial, OFFICIAL_BASIS_MIGRATION } from "@/lib/series/refresh-official";
import { backfillScores, UNIT_SCORE_MIGRATION } from "@/lib/series/refresh-scores";

/**
 * Brings the schema up to date (see migrateDatabase), then fills each read model a migration
 * has just added from the data already there. Returns the migrations applied.
 */
export async function migrate(server: DatabaseServer): Promise<string[]> {
  const applied = await migrateDatabase(server);
  if (applied.includes(UNIT_SCORE_MIGRATION)) await backfillScores(server.migrationUrl);
  if (applied.includes(OFFICIAL_BASIS_MIGRATION)) await backfillOfficial(server.migrationUrl);
  return applied;
}
