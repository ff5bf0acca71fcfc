import { createHmac } from "node:crypto";
import pg from "pg";

/**
 * Two roles, so that the running product cannot undo what the database guarantees:
 * the owner holds the schema and runs migrations; the runtime role reads and writes rows
 * and nothing else: no DDL, no UPDATE/DELETE/TRUNCATE on audit_entry, not superuser, not
 * owner (only an owner or superuser can switch off the append-only trigger).
 */
export const OWNER_ROLE = "de_an_06_owner";
export const RUNTIME_ROLE = "de_an_06_app";

/** Each role's password, derived from the cluster's secret (kept beside the data directory). */
export function rolePassword(secret: string, role: string): string {
  return createHmac("sha256", secret).update(role).digest("base64url");
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * On an embedded cluster, as its superuser: creates (or re-keys) both roles, makes the owner
 * own the database, its public schema and everything in it (a database created before the
 * roles existed is handed over), and takes CREATE on the schema away from everyone else.
 */
export async function ensureEmbeddedRoles(superuserUrl: string, database: string, secret: string): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    for (const role of [OWNER_ROLE, RUNTIME_ROLE]) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      await client.query(
        `${verb} ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${quoteLiteral(rolePassword(secret, role))}`,
      );
    }
    await client.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(OWNER_ROLE)}`);
  });
  const url = new URL(superuserUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), async (client) => {
    await client.query(`ALTER SCHEMA public OWNER TO ${quoteIdent(OWNER_ROLE)}`);
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    // Objects made by the superuser before the roles existed (older data directories).
    await client.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT format('ALTER TABLE %I.%I OWNER TO ${OWNER_ROLE}', n.nspname, c.relname) AS sql
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                 AND pg_get_userbyid(c.relowner) <> '${OWNER_ROLE}'
      LOOP EXECUTE r.sql; END LOOP;
      FOR r IN SELECT format('ALTER TYPE %I.%I OWNER TO ${OWNER_ROLE}', n.nspname, t.typname) AS sql
               FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
               WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> '${OWNER_ROLE}'
      LOOP EXECUTE r.sql; END LOOP;
      FOR r IN SELECT format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure) AS sql
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${OWNER_ROLE}'
      LOOP EXECUTE r.sql; END LOOP;
    END $$`);
  });
}

/**
 * As the owner, after every migration: the runtime role may read and write the rows of
 * every table, add to audit_entry and the published editions but never change or remove what
 * they hold, and use the sequences; it cannot create, alter or drop anything.
 */
export async function grantRuntimeRole(ownerUrl: string, runtimeRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = quoteIdent(runtimeRole);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${role}`);
    // Published editions, as the audit trail: written once, never changed (triggers refuse it too).
    await client.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON publication, publication_ranking, publication_item, publication_correction FROM ${role}`,
    );
    await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  });
}

export type RuntimeRole = { name: string; superuser: boolean; ownsAuditTrail: boolean };

/** Who the product runs as, and whether that role could switch off the audit trail. */
export async function describeRuntimeRole(runtimeUrl: string): Promise<RuntimeRole> {
  return withClient(runtimeUrl, async (client) => {
    const { rows } = await client.query<{ name: string; superuser: boolean; owns: boolean | null }>(
      `SELECT current_user AS name, r.rolsuper AS superuser,
              (SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
               WHERE c.oid = to_regclass('public.audit_entry')) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0] as { name: string; superuser: boolean; owns: boolean | null };
    return { name: row.name, superuser: row.superuser, ownsAuditTrail: row.owns === true };
  });
}
