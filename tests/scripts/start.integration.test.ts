// The product as `npm start` runs it: embedded database kept across restarts, recovery after
// a hard kill, and an external DATABASE_URL used as-is. Needs a build (npm test builds first).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { formatDateVi, todayInVietnam } from "@/lib/format/dates";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { freePort } from "../setup/test-database";

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function startProduct(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  let output = "";
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
    // Provinces-only demo data, four weeks: enough to check the first-run path quickly.
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      DEMO_UNITS_DIR: "/nonexistent",
      DEMO_WEEKS: "4",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stdout?.on("data", (c: Buffer) => (output += c));
  child.stderr?.on("data", (c: Buffer) => (output += c));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the product exited (${child.exitCode}):\n${output}`);
    if (output.includes("đang chạy tại")) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the product did not start in 60 s:\n${output}`);
}

async function provinceCount(port: string): Promise<number> {
  const html = await (await fetch(`http://localhost:${port}/`)).text();
  return Number(/(\d+)(?:<!-- -->)? tỉnh, thành phố/.exec(html)?.[1]);
}

async function scratchEnv() {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "product-start-"));
  await fs.chmod(parent, 0o755);
  dirs.push(parent);
  return {
    PORT: String(await freePort()),
    EMBEDDED_DB_DIR: path.join(parent, "postgres"),
    EMBEDDED_DB_PORT: String(await freePort()),
  };
}

describe("npm start", () => {
  it("seeds a new embedded database once, keeps it across restarts and recovers from kill -9", async () => {
    const env = await scratchEnv();
    const first = await startProduct(env);
    expect(first.output()).toContain("Đã ghi dữ liệu mẫu: 97 đơn vị cấp tỉnh");
    expect(await provinceCount(env.PORT)).toBe(34);

    // Public pages are remembered until the data changes, even when another process changes it:
    // a command run beside the product shares its embedded database.
    await fetch(`http://localhost:${env.PORT}/`);
    const hit = await fetch(`http://localhost:${env.PORT}/`);
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    // Each answer carries its own request's id, a remembered page too.
    const again = await fetch(`http://localhost:${env.PORT}/`);
    expect(again.headers.get("x-request-id")).toMatch(/^[\w-]{36}$/);
    expect(again.headers.get("x-request-id")).not.toBe(hit.headers.get("x-request-id"));
    // What Next answers to a prefetch or an RSC request ("{}", a payload) is never kept for the
    // next visitor of the page, whichever asks first.
    const probes: [string, string][] = [
      ["x-middleware-prefetch", "1"],
      ["rsc", "1"],
      ["next-router-prefetch", "1"],
      ["purpose", "prefetch"],
    ];
    for (const [name, value] of probes) {
      const url = `http://localhost:${env.PORT}/units/01?probe=${name}`;
      await fetch(url, { headers: { [name]: value } }).then((r) => r.arrayBuffer());
      const page = await fetch(url);
      expect(page.headers.get("content-type"), name).toMatch(/^text\/html/);
      expect(await page.text(), name).toMatch(/^<!DOCTYPE html>/i);
    }
    const file = path.join(path.dirname(env.EMBEDDED_DB_DIR), "figures.csv");
    // As Vietnamese Excel saves it: semicolons, a dd/mm/yyyy date, the number grouped.
    await fs.writeFile(
      file,
      `unit_code;indicator;as_of;value\n01;CCCD_INTAKE;${formatDateVi(todayInVietnam())};987.654.321\n`,
    );
    const cli = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", "import", "figures", file], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      encoding: "utf8",
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    // The import changed the data, so the remembered page is drawn anew; the public page shows
    // approved figures only, and nobody has approved this week's yet.
    const page = await fetch(`http://localhost:${env.PORT}/`);
    expect(page.headers.get("x-page-cache")).toBe("miss");
    const html = await page.text();
    expect(html).toContain("Số liệu đã được cấp trên phê duyệt");
    expect(html).not.toContain("987.654.321");
    first.child.kill("SIGTERM");
    await new Promise((r) => first.child.once("exit", r));
    expect(existsSync(path.join(env.EMBEDDED_DB_DIR, "postmaster.pid"))).toBe(false);

    const second = await startProduct(env);
    expect(second.output()).not.toContain("dữ liệu mẫu");
    second.child.kill("SIGKILL");
    await new Promise((r) => second.child.once("exit", r));

    const third = await startProduct(env);
    expect(await provinceCount(env.PORT)).toBe(34);
    third.child.kill("SIGTERM");
    await new Promise((r) => third.child.once("exit", r));
  }, 120_000); // three starts of the whole product

  it("uses DATABASE_URL as production: serves only, logs JSON with request ids, drains on SIGTERM", async () => {
    const env = await scratchEnv();
    const url = inject("databaseUrl");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("TRUNCATE unit RESTART IDENTITY CASCADE");
    // The product's own role runs it; migrations run as a role that owns the schema.
    const product = await startProduct({
      ...env,
      DATABASE_URL: inject("runtimeDatabaseUrl"),
      DATABASE_MIGRATION_URL: url,
      AUTH_SECRET: "a-shared-secret-of-at-least-32-characters",
      DRAIN_SECONDS: "2",
      TRUST_PROXY: "loopback",
    });
    expect(product.output()).toContain("Dùng PostgreSQL tại DATABASE_URL");
    expect(product.output()).not.toContain("migration"); // neither applied nor missing
    expect(existsSync(env.EMBEDDED_DB_DIR)).toBe(false);
    expect((await client.query("SELECT count(*)::int AS n FROM unit")).rows[0].n).toBe(0);
    await client.end();

    const base = `http://localhost:${env.PORT}`;
    const ready = await fetch(`${base}/api/v1/ready`, { headers: { "x-request-id": "lb-4f2a" } });
    expect(ready.status).toBe(200);
    // A trusted proxy's request id is kept and echoed, and the request is one JSON line.
    expect(ready.headers.get("x-request-id")).toBe("lb-4f2a");
    await new Promise((r) => setTimeout(r, 200));
    const line = product
      .output()
      .split("\n")
      .find((l) => l.includes('"lb-4f2a"'));
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      requestId: "lb-4f2a",
      method: "GET",
      path: "/api/v1/ready",
      status: 200,
    });

    product.child.kill("SIGTERM");
    const exited = new Promise((r) => product.child.once("exit", r));
    await new Promise((r) => setTimeout(r, 300));
    // Draining: unready for the balancer, still answering what it is sent.
    expect((await fetch(`${base}/api/v1/ready`)).status).toBe(503);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    await exited;
  });

  it("in production, refuses to start without AUTH_SECRET or with DEMO_SEED, and is unready on an unmigrated database", async () => {
    const env = await scratchEnv();
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
        env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: "", ...extra },
        encoding: "utf8",
        timeout: 60_000,
      });
    const noSecret = run({ DATABASE_URL: inject("runtimeDatabaseUrl") });
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toContain("Thiếu AUTH_SECRET");
    const seeding = run({ DATABASE_URL: inject("runtimeDatabaseUrl"), AUTH_SECRET: "x".repeat(32), DEMO_SEED: "true" });
    expect(seeding.status).toBe(1);
    expect(seeding.stderr).toContain("npm run db:seed");

    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    await client.query("DROP DATABASE IF EXISTS de_an_06_unmigrated");
    await client.query("CREATE DATABASE de_an_06_unmigrated");
    await client.end();
    const bare = new URL(inject("databaseUrl"));
    bare.pathname = "/de_an_06_unmigrated";
    const product = await startProduct({
      ...env,
      DATABASE_URL: bare.toString(),
      ALLOW_SUPERUSER_RUNTIME: "true",
      AUTH_SECRET: "x".repeat(32),
    });
    expect(product.output()).toContain("npm run db:migrate");
    const ready = await fetch(`http://localhost:${env.PORT}/api/v1/ready`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).reason).toContain("npm run db:migrate");
    product.child.kill("SIGTERM");
    await new Promise((r) => product.child.once("exit", r));
  });

  it("refuses to run as a PostgreSQL superuser, which could switch off the audit trail, unless told to", async () => {
    const env = await scratchEnv();
    const refused = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
      env: {
        ...process.env,
        ...env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: inject("databaseUrl"),
        AUTH_SECRET: "x".repeat(32),
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/vai trò "postgres", là superuser: vai trò này tắt được trigger chỉ-thêm/);
  });
});
