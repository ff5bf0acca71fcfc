// The CLI on a DATABASE_URL never migrates unasked: a database behind this checkout's
// migrations is refused (exit 3, pointing at `npm run db:migrate`) and left as it was;
// --migrate brings it up to date first. A scratch database of its own, dropped after.
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { pendingMigrations } from "@/lib/ops/pending-migrations";
import { adminQuery, applyMigrations, MIGRATIONS_DIR, PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";

const SCRATCH = `de_an_06_cli_pending_${process.pid}`;
const admin = inject("databaseUrl");
const scratchUrl = Object.assign(new URL(admin), { pathname: `/${SCRATCH}` }).toString();
let allButLast: string;
let last: string;

const onAdmin = (sql: string) => adminQuery(admin, sql);

async function history(): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    return (await client.query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).rows;
  } finally {
    await client.end();
  }
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: scratchUrl, DATABASE_MIGRATION_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  // Every migration but the newest, as a database one release behind has them.
  const folders = (await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  last = folders.at(-1) ?? "";
  allButLast = await fs.mkdtemp(path.join(os.tmpdir(), "migrations-behind-"));
  await fs.copyFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(allButLast, "migration_lock.toml"));
  for (const folder of folders.slice(0, -1))
    await fs.cp(path.join(MIGRATIONS_DIR, folder), path.join(allButLast, folder), { recursive: true });
  await onAdmin(`DROP DATABASE IF EXISTS ${SCRATCH}`);
  await onAdmin(`CREATE DATABASE ${SCRATCH}`);
  await applyMigrations(scratchUrl, allButLast);
});

afterAll(async () => {
  await onAdmin(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await fs.rm(allButLast, { recursive: true, force: true });
});

describe("the CLI on a DATABASE_URL with a pending migration", () => {
  it("refuses a command that needs the current schema, says to run npm run db:migrate, and changes nothing", async () => {
    expect(await pendingMigrations(scratchUrl)).toEqual([last]);
    const before = await history();
    const run = cli("rank", "--indicator", "CCCD_INTAKE", "--level", "province", "--as-of", "2026-11-22", "--json");
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`còn thiếu 1 migration (${last})`);
    expect(run.stderr).toContain("npm run db:migrate");
    expect(run.stderr).toContain("--migrate");
    expect(await history()).toEqual(before);
  });

  it("applies it first when asked with --migrate", async () => {
    const run = cli("indicator", "list", "--migrate");
    expect(run.stderr).toContain(`Đã áp dụng migration: ${last}`);
    expect(run.code).toBe(0);
    expect(await pendingMigrations(scratchUrl)).toEqual([]);
  });

  it("prints its version, and answers wrong usage with 2 before opening any database", () => {
    const version = cli("--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(cli("no-such-command").code).toBe(2);
    expect(cli("rank", "--no-such-option").code).toBe(2);
  });
});
