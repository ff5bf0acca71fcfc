import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, pendingSchemaChangeSql, SCHEMA_PATH } from "@/lib/postgres/schema-engine";

const url = inject("databaseUrl");

describe("migrations", () => {
  it("carry every change in schema.prisma (run `npm run db:migration -- <name>` when this fails)", async () => {
    expect(await pendingSchemaChangeSql(url)).toBe("");
  });

  it("detect a schema change that no migration carries", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "schema-drift-"));
    const changed = path.join(dir, "schema.prisma");
    const schema = await fs.readFile(SCHEMA_PATH, "utf8");
    await fs.writeFile(changed, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    const sql = await pendingSchemaChangeSql(url, { schemaPath: changed });
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
    await fs.rm(dir, { recursive: true });
  });

  it("are recorded in _prisma_migrations, and applying them again does nothing", async () => {
    expect(await applyMigrations(url)).toEqual([]);
    const folders = (await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, e.name, "migration.sql")))
      .map((e) => e.name)
      .sort();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });
});
