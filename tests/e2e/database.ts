import { readFileSync } from "node:fs";
import pg from "pg";
import { RUNTIME_ROLE, rolePassword } from "../../lib/postgres/database-roles";
import { E2E_DB_PORT } from "./ports";

/**
 * The browser tests' database, as the product's own runtime role (see playwright.config.ts):
 * for reading what a request wrote, never for arranging what the product should do.
 */
export async function e2eDatabase(): Promise<pg.Client> {
  const secret = readFileSync(".data/e2e-postgres.password", "utf8").trim();
  const url = `postgresql://${RUNTIME_ROLE}:${encodeURIComponent(rolePassword(secret, RUNTIME_ROLE))}@127.0.0.1:${E2E_DB_PORT}/de_an_06`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Everything a write could change (sign-in attempts and sessions aside): equal means nothing was written. */
export async function writeFingerprint(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM figure)::text AS figures,
            (SELECT COALESCE(sum(value::bigint * version), 0) FROM figure)::text AS figure_values,
            (SELECT count(*) FROM audit_entry)::text AS audit,
            (SELECT string_agg(status::text || COALESCE(approved_by, ''), ',' ORDER BY id) FROM weekly_report) AS reports,
            (SELECT count(*) FROM target)::text AS targets,
            (SELECT count(*) FROM request_receipt)::text AS receipts,
            (SELECT string_agg(username || password_hash || disabled::text || role::text, ',' ORDER BY id) FROM app_user) AS users,
            (SELECT count(*) FROM unit)::text AS units,
            (SELECT version FROM data_version)::text AS data_version`,
  );
  return rows[0];
}
