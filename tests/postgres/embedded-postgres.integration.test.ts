import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openDatabaseServer } from "@/lib/postgres/database-server";
import { startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { freePort } from "../setup/test-database";

const dirs: string[] = [];
async function tempDataDir(): Promise<string> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "embedded-pg-"));
  await fs.chmod(parent, 0o755); // the postgres system user must traverse it when we run as root
  dirs.push(parent);
  return path.join(parent, "data");
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start", async () => {
    const dir = await tempDataDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir, port });
    expect(first.created).toBe(true);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Phường Ba Đình')");
    await first.stop();

    const second = await startEmbeddedPostgres({ dir, port });
    expect(second.created).toBe(false);
    expect((await query(second.url, "SELECT v FROM kept")).rows).toEqual([{ v: "Phường Ba Đình" }]);
    await second.stop();
  });

  it("starts again after the process that ran it was killed hard", async () => {
    const dir = await tempDataDir();
    const port = await freePort();
    const holder = spawn(
      process.execPath,
      [...SERVER_NODE_ARGS, "tests/setup/hold-embedded-postgres.ts", dir, String(port)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      holder.once("exit", (code) => reject(new Error(`holder exited early (${code})`)));
    });
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    // The orphaned server still holds the data directory and the port.
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(true);

    const again = await startEmbeddedPostgres({ dir, port });
    expect((await query(again.url, "SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
    await again.stop();
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("is not started when DATABASE_URL points at another server", async () => {
    const dir = await tempDataDir();
    const saved = { ...process.env };
    process.env.DATABASE_URL = inject("databaseUrl");
    process.env.EMBEDDED_DB_DIR = dir;
    try {
      const server = await openDatabaseServer();
      expect(server.embedded).toBe(false);
      expect(server.url).toBe(inject("databaseUrl"));
      expect(existsSync(dir)).toBe(false);
      await server.stop();
    } finally {
      process.env = saved;
    }
  });
});
