// Start-up benchmarks: embedded PostgreSQL cold/warm, and `npm start` to the first 200.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { freePort } from "@/tests/setup/test-database";
import { SERVER_NODE_ARGS } from "../scripts/node-args";
import { summarize, timed } from "./stats";

async function scratchDir(): Promise<string> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "bench-pg-"));
  await fs.chmod(parent, 0o755);
  return parent;
}

export async function benchEmbeddedPostgres(rounds: number): Promise<string[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const parent = await scratchDir();
    const options = { dir: path.join(parent, "data"), port: await freePort() };
    let server: EmbeddedDatabase | undefined;
    cold.push(await timed(async () => (server = await startEmbeddedPostgres(options))));
    await server?.stop();
    warm.push(await timed(async () => (server = await startEmbeddedPostgres(options))));
    await server?.stop();
    await fs.rm(parent, { recursive: true });
  }
  return [
    summarize("PostgreSQL nhúng, khởi động lạnh (initdb + start)", cold),
    summarize("PostgreSQL nhúng, khởi động ấm (dữ liệu có sẵn)", warm),
  ];
}

/**
 * Spawns the product as `npm start` does, on its embedded database with the demo data, and
 * resolves once GET / answers 200 (after `startedIn` ms); `stop` ends it. `timeoutMs` allows for
 * a build and the full demo data on a first start.
 */
export async function startProduct(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<{ url: string; startedIn: number; stop: () => Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  const url = `http://localhost:${env.PORT}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start đã thoát (mã ${child.exitCode})`);
      const ok = await fetch(`${url}/`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return { url, startedIn: performance.now() - started, stop };
      if (performance.now() - started > timeoutMs) {
        throw new Error(`npm start không trả lời 200 sau ${(timeoutMs / 1000).toFixed(0)} s`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts the product and measures until GET / answers 200. */
async function startToFirst200(env: Record<string, string | undefined>): Promise<number> {
  const product = await startProduct(env);
  await product.stop();
  return product.startedIn;
}

export async function scratchEnv() {
  return {
    PORT: String(await freePort()),
    EMBEDDED_DB_DIR: path.join(await scratchDir(), "data"),
    EMBEDDED_DB_PORT: String(await freePort()),
  };
}

/** `demo` overrides the demo data written on a first run (smaller for a smoke run). */
export async function benchProductStart(rounds: number, demo: Record<string, string> = {}): Promise<string[]> {
  // The goal is start-up with an existing build: one untimed run builds when the build is stale.
  await startToFirst200({ ...(await scratchEnv()), ...demo });
  const firstRun: number[] = [];
  const restart: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const env = { ...(await scratchEnv()), ...demo };
    firstRun.push(await startToFirst200(env));
    restart.push(await startToFirst200(env));
    await fs.rm(path.dirname(env.EMBEDDED_DB_DIR), { recursive: true });
  }
  return [
    summarize("npm start → 200 đầu tiên, lần đầu (ghi dữ liệu mẫu)", firstRun),
    summarize("npm start → 200 đầu tiên, khởi động lại", restart),
  ];
}
