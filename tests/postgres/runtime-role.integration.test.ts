import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { describeRuntimeRole } from "@/lib/postgres/database-roles";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

// The product's own role, as `npm start` connects with it (see lib/postgres/database-roles.ts).
const runtime = new pg.Client({ connectionString: inject("runtimeDatabaseUrl") });
const prisma = connectTestDatabase();

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  await runtime.connect();
  await prisma.$executeRawUnsafe(
    `INSERT INTO audit_entry (actor, action, entity, entity_id, unit_id, new_value)
     SELECT 't', 'create', 'figure', 1, id, '{"value": 1}' FROM unit LIMIT 1`,
  );
});
afterAll(() => runtime.end());

const refused = async (sql: string) => {
  const error = await runtime.query(sql).then(
    () => null,
    (e: Error) => e,
  );
  return error?.message ?? "accepted";
};

describe("the runtime role", () => {
  it("is neither superuser nor owner of the audit trail", async () => {
    expect(await describeRuntimeRole(inject("runtimeDatabaseUrl"))).toEqual({
      name: "de_an_06_app",
      superuser: false,
      ownsAuditTrail: false,
    });
  });

  it("cannot switch off the audit trigger, rewrite history or change the schema", async () => {
    expect(await refused("ALTER TABLE audit_entry DISABLE TRIGGER ALL")).toMatch(/must be owner/);
    expect(await refused("SET session_replication_role = replica")).toMatch(/permission denied/);
    expect(await refused("UPDATE audit_entry SET actor = 'ai đó'")).toMatch(/permission denied/);
    expect(await refused("DELETE FROM audit_entry")).toMatch(/permission denied/);
    expect(await refused("TRUNCATE audit_entry")).toMatch(/permission denied/);
    expect(await refused("DROP TABLE audit_entry")).toMatch(/must be owner/);
    expect(await refused("CREATE TABLE public.lan_vao (id int)")).toMatch(/permission denied/);
    expect(await refused("ALTER TABLE figure ADD COLUMN x int")).toMatch(/must be owner/);
    expect(await refused("DELETE FROM _prisma_migrations")).toMatch(/permission denied/);
    const [{ n }] = (await runtime.query("SELECT count(*)::int AS n FROM audit_entry WHERE actor = 't'")).rows;
    expect(n).toBe(1);
  });

  it("reads and writes the rows the product needs, and adds to the audit trail", async () => {
    await runtime.query("BEGIN");
    await runtime.query(
      `INSERT INTO audit_entry (actor, action, entity, entity_id, unit_id, new_value)
       SELECT 'app', 'create', 'figure', 2, id, '{}' FROM unit LIMIT 1`,
    );
    await runtime.query("UPDATE data_version SET version = version + 1 WHERE id = 1");
    await runtime.query("DELETE FROM login_attempt");
    await runtime.query("ROLLBACK");
  });
});
