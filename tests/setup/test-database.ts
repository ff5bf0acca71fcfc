// Vitest global setup: a PostgreSQL of the tests' own (never the dev database), migrated.
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { grantRuntimeRole, RUNTIME_ROLE } from "@/lib/postgres/database-roles";
import { startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";
import { freePort } from "@/lib/postgres/free-port";
import { applyMigrations } from "@/lib/postgres/schema-engine";

export async function setup(project: TestProject) {
  const dir = path.join(os.tmpdir(), `de-an-06-vitest-${process.pid}`);
  const server = await startEmbeddedPostgres({
    dir,
    port: await freePort(),
    database: "de_an_06_test",
    ephemeral: true,
  });
  // As the product does: the owner migrates and grants the runtime role its rights. Tests
  // themselves connect as the superuser, to empty tables between tests (see database.ts).
  await applyMigrations(server.ownerUrl);
  await grantRuntimeRole(server.ownerUrl, RUNTIME_ROLE);
  process.env.DATABASE_URL = server.url;
  project.provide("databaseUrl", server.url);
  project.provide("runtimeDatabaseUrl", server.runtimeUrl);
  project.provide("databaseDir", dir);
  return () => server.stop();
}

export { freePort };

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The same database as the product's runtime role. */
    runtimeDatabaseUrl: string;
    /** Its data directory (the backup tests copy it). */
    databaseDir: string;
  }
}
