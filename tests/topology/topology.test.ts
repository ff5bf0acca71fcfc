// The production topology on one machine: a PostgreSQL 18 primary (embedded package) and a
// streaming replica seeded with the base-backup API, `npm run db:migrate` and
// `npm run db:seed` as their own steps, two production instances (scripts/start.ts with
// DATABASE_URL, as `npm start` runs it), and Debian's nginx with deploy/nginx/*.conf in front.
// Needs a build (npm test builds first) and /usr/sbin/nginx (npm test installs it when root).
import { type ChildProcess, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { freePort } from "@/lib/postgres/base-backup";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";
import { type RunningPostgres, startStandby } from "@/lib/postgres/restore-backup";
import { signIn as signInAs } from "../../bench/concurrent-saves";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { BALANCER, type Launched, startBalancer, startInstance, stopLaunched, waitFor } from "./servers";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INSTANCE = { a: "http://127.0.0.1:3001", b: "http://127.0.0.1:3002" };
const PASSWORD = "topology-mat-khau-2026";
const OFFICERS = 20;

let work: string;
let primary: EmbeddedDatabase;
let replica: RunningPostgres;
let replicaUrl: string;
let superuser: pg.Client;
let week: string;
let officers: { username: string; unit: string; province: string }[] = [];

function run(title: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [...SERVER_NODE_ARGS, ...args], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`${title} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

const processes: Record<string, Launched> = {};
const sharedSecret = randomBytes(32).toString("base64url");

async function startNamedInstance(name: "a" | "b") {
  processes[name] = await startInstance(name === "a" ? 3001 : 3002, {
    DATABASE_URL: primary.runtimeUrl,
    DATABASE_REPLICA_URL: replicaUrl,
    AUTH_SECRET: sharedSecret,
    TRUST_PROXY: "loopback",
    DRAIN_SECONDS: "2",
    REPLICA_MAX_LAG_SECONDS: "2",
  });
}

const signIn = (base: string, username: string) => signInAs(base, username, PASSWORD);

async function figureOf(unit: string): Promise<{ value: number; version: number }> {
  const { rows } = await superuser.query(
    `SELECT f.value, f.version FROM figure f JOIN unit u ON u.id = f.unit_id
     WHERE u.code = $1 AND u.valid_to IS NULL AND f.as_of = $2::date
       AND f.indicator_id = (SELECT id FROM indicator WHERE code = 'CCCD_INTAKE')`,
    [unit, week],
  );
  return rows[0];
}

/** One save through `base`, retried with the same request id after a network error or a 5xx, as the entry page does. */
async function save(base: string, cookie: string, unit: string, value: number, version: number) {
  const body = JSON.stringify({
    requestId: randomUUID(),
    week,
    entries: [{ unit, indicator: "CCCD_INTAKE", value, version }],
  });
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${base}/api/v1/entry/figures`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body,
    }).catch(() => null);
    if (response && response.status < 500) {
      // An instance killed after its headers went out cuts the body short: no answer, so
      // the save is sent again with the same request id, as after any lost connection.
      const outcome = await response.json().catch(() => undefined);
      if (outcome !== undefined) return { status: response.status, outcome, attempts: attempt };
    }
    await response?.body?.cancel().catch(() => undefined);
    if (attempt >= 20) throw new Error(`save of ${unit} failed after ${attempt} attempts`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends the officer's week and approves it as their province: the saved figure becomes official. */
async function approveWeek(base: string, officer: { username: string; unit: string; province: string }) {
  for (const [username, action] of [
    [officer.username, "submit"],
    [`topo.tinh.${officer.province}`, "approve"],
  ] as const) {
    const cookie = await signIn(base, username);
    const response = await fetch(`${base}/api/v1/entry/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body: JSON.stringify({ requestId: randomUUID(), week, unit: officer.unit, action }),
    });
    if (response.status !== 200) throw new Error(`${action} ${officer.unit}: ${await response.text()}`);
  }
}

/** The unit's value in the public ranking (approved figures), or, with a signed-in cookie, in the live one. */
async function rankedValue(base: string, unit: { unit: string; province: string }, cookie?: string) {
  const basis = cookie ? "&basis=live" : "";
  const url = `${base}/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&parent=${unit.province}&asOf=${week}${basis}`;
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const ranking = (await response.json()) as { items: { code: string; value: number }[] };
  return ranking.items.find((i) => i.code === unit.unit)?.value;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), "de-an-06-topology-"));
  await fs.chmod(work, 0o755);
  primary = await startEmbeddedPostgres({ dir: path.join(work, "primary"), port: await freePort(), ephemeral: true });
  superuser = new pg.Client({ connectionString: primary.url });
  await superuser.connect();

  // The deployment's own steps, in order: migrate, then (for a demo) seed.
  const database = { DATABASE_URL: primary.runtimeUrl, DATABASE_MIGRATION_URL: primary.ownerUrl };
  run("npm run db:migrate", ["scripts/db-migrate.ts"], database);
  run("npm run db:seed", ["scripts/db-seed.ts"], { ...database, DEMO_WEEKS: "2" });

  // Commune officers, each on a commune of the newest week with a figure to change; that week is open.
  const latest = await superuser.query("SELECT max(as_of)::text AS week FROM figure");
  week = latest.rows[0].week;
  await superuser.query("DELETE FROM weekly_report WHERE week = $1::date", [week]);
  const communes = await superuser.query(
    `SELECT u.id, u.code, p.code AS province FROM unit u JOIN unit p ON p.id = u.parent_id
     JOIN figure f ON f.unit_id = u.id AND f.as_of = $1::date
       AND f.indicator_id = (SELECT id FROM indicator WHERE code = 'CCCD_INTAKE')
     WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL ORDER BY u.code LIMIT ${OFFICERS}`,
    [week],
  );
  const hash = await hashPassword(PASSWORD);
  for (const [i, c] of communes.rows.entries()) {
    const username = `topo.${i}`;
    await superuser.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash) VALUES ($1, $1, 'COMMUNE_OFFICER', $2, $3)`,
      [username, c.id, hash],
    );
    officers.push({ username, unit: c.code, province: c.province });
  }
  // The public reads approved figures: a province officer of each province approves its communes' weeks.
  for (const province of new Set(communes.rows.map((c) => c.province as string)))
    await superuser.query(
      `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
       SELECT $1, $1, 'PROVINCE_OFFICER', id, $2 FROM unit WHERE code = $3 AND valid_to IS NULL`,
      [`topo.tinh.${province}`, hash, province],
    );
  officers = officers.slice(0, OFFICERS);

  const replicaPort = await freePort();
  replica = await startStandby({
    primarySuperuserUrl: primary.url,
    primaryDataDir: path.join(work, "primary"),
    standbyDir: path.join(work, "replica"),
    port: replicaPort,
    slot: "replica_1",
  });
  const runtime = new URL(primary.runtimeUrl);
  runtime.port = String(replicaPort);
  replicaUrl = runtime.toString();

  await Promise.all([startNamedInstance("a"), startNamedInstance("b")]);
  processes.nginx = await startBalancer(path.join(work, "nginx"), path.join(ROOT, "deploy/nginx/upstream.local.conf"));
}, 600_000);

afterAll(async () => {
  await stopLaunched(processes.nginx); // SIGTERM: nginx's master stops its workers too
  for (const { child } of Object.values(processes)) if (child.exitCode === null) child.kill("SIGKILL");
  await superuser?.end().catch(() => undefined);
  await replica?.stop();
  await primary?.stop();
  if (work) await fs.rm(work, { recursive: true, force: true });
}, 60_000);

describe("two instances behind nginx, on a primary and a streaming replica", () => {
  it("shows a figure saved and approved through instance A in the public ranking through the balancer within a second", async () => {
    const officer = officers[0] as (typeof officers)[number];
    const cookie = await signIn(INSTANCE.a, officer.username);
    const before = await figureOf(officer.unit);
    const saved = await save(INSTANCE.a, cookie, officer.unit, before.value + 7, before.version);
    expect(saved.status).toBe(200);
    await approveWeek(INSTANCE.a, officer);
    const savedAt = performance.now();
    await waitFor(
      "the save in the public ranking",
      async () => (await rankedValue(BALANCER, officer)) === before.value + 7,
      1000,
    );
    console.log(
      `  lưu và phê duyệt qua A → thấy trong xếp hạng công khai qua nginx sau ${(performance.now() - savedAt).toFixed(0)} ms`,
    );
  });

  it("reads public rankings from the replica, skips it once too far behind, and shows signed-in users their own save at once", async () => {
    const officer = officers[1] as (typeof officers)[number];
    const cookie = await signIn(BALANCER, officer.username);
    const before = await figureOf(officer.unit);
    const publicBefore = await rankedValue(BALANCER, officer);
    const replicaAdmin = new pg.Client({
      connectionString: replicaUrl.replace(/\/\/[^@]+@/, `//${superuserLogin()}@`),
    });
    await replicaAdmin.connect();
    try {
      await replicaAdmin.query("SELECT pg_wal_replay_pause()");
      expect((await save(BALANCER, cookie, officer.unit, before.value + 11, before.version)).status).toBe(200);
      await approveWeek(BALANCER, officer);
      // The replica has not replayed the approval: anonymous readers there still see the old value,
      await new Promise((r) => setTimeout(r, 300));
      expect(await rankedValue(BALANCER, officer)).toBe(publicBefore);
      // the officer who saved it reads the primary,
      expect(await rankedValue(BALANCER, officer, cookie)).toBe(before.value + 11);
      // and after REPLICA_MAX_LAG_SECONDS (2 s) the lagging replica is skipped.
      await waitFor(
        "the lagging replica skipped",
        async () => (await rankedValue(BALANCER, officer)) === before.value + 11,
        5000,
      );
    } finally {
      await replicaAdmin.query("SELECT pg_wal_replay_resume()");
      await replicaAdmin.end();
    }
  });

  it("accepts a session signed in on instance A at instance B", async () => {
    const officer = officers[2] as (typeof officers)[number];
    const cookie = await signIn(INSTANCE.a, officer.username);
    const onB = await fetch(`${INSTANCE.b}/nhap-lieu`, { headers: { cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const anonymous = await fetch(`${INSTANCE.b}/nhap-lieu`, { redirect: "manual" });
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
  });

  it("loses and duplicates no acknowledged save when instance B is killed under a save load", async () => {
    const workers = [];
    // Not the first officers: the tests above approved their weeks, and an approved week takes no saves.
    for (const o of officers.slice(4)) {
      workers.push({ ...o, cookie: await signIn(BALANCER, o.username), ...(await figureOf(o.unit)), acked: 0 });
    }
    const startedAt = new Date(Date.now() - 1000);
    let retried = 0;
    const until = performance.now() + 6000;
    setTimeout(() => processes.b?.child.kill("SIGKILL"), 2000);
    await Promise.all(
      workers.map(async (w) => {
        while (performance.now() < until) {
          const result = await save(BALANCER, w.cookie, w.unit, w.value + 1, w.version);
          if (result.attempts > 1) retried++;
          expect(result.status, JSON.stringify(result.outcome)).toBe(200);
          const [figure] = result.outcome.figures as { value: number; version: number }[];
          w.value = figure?.value ?? w.value;
          w.version = figure?.version ?? w.version;
          w.acked++;
        }
      }),
    );
    let lost = 0;
    let duplicated = 0;
    for (const w of workers) {
      const now = await figureOf(w.unit);
      const audits = await superuser.query(
        "SELECT count(*)::int AS n FROM audit_entry WHERE actor = $1 AND at >= $2 AND entity = 'figure'",
        [w.username, startedAt],
      );
      if (now.value !== w.value) lost++;
      lost += Math.max(0, w.acked - audits.rows[0].n);
      duplicated += Math.max(0, audits.rows[0].n - w.acked);
    }
    const saves = workers.reduce((n, w) => n + w.acked, 0);
    console.log(`  B bị kill giữa ${saves} lần lưu: gửi lại ${retried} lần, mất ${lost}, trùng ${duplicated}`);
    expect(saves).toBeGreaterThan(50);
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });

  it("keeps the public pages up when the replica stops", async () => {
    await startNamedInstance("b");
    const officer = officers[3] as (typeof officers)[number];
    const cookie = await signIn(BALANCER, officer.username);
    const before = await figureOf(officer.unit);
    await replica.stop();
    // A new data version, so the pages are rendered again rather than served from memory.
    expect((await save(BALANCER, cookie, officer.unit, before.value + 3, before.version)).status).toBe(200);
    await approveWeek(BALANCER, officer);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const page of ["/", `/units/${officer.province}`, `/api/v1/rankings?indicator=CCCD_INTAKE&level=province`]) {
        const response = await fetch(`${BALANCER}${page}`);
        statuses.push(response.status);
        await response.body?.cancel();
      }
    }
    expect(
      statuses.every((s) => s === 200),
      statuses.join(","),
    ).toBe(true);
    expect(await rankedValue(BALANCER, officer)).toBe(before.value + 3);
  });

  it("answers 503 at /api/v1/ready from SIGTERM on, while still serving, then exits cleanly", async () => {
    const a = processes.a?.child as ChildProcess;
    const exited = new Promise<number | null>((r) => a.once("exit", (code) => r(code)));
    a.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${INSTANCE.a}/api/v1/ready`)).status).toBe(503);
    expect((await fetch(`${INSTANCE.a}/api/v1/health`)).status).toBe(200);
    // The balancer keeps answering from B throughout.
    for (let i = 0; i < 5; i++) expect((await fetch(`${BALANCER}/api/v1/health`)).status).toBe(200);
    expect(await exited).toBe(0);
    expect((await fetch(`${BALANCER}/api/v1/ready`)).status).toBe(200);
  });
});

function superuserLogin(): string {
  const url = new URL(primary.url);
  return `${url.username}:${url.password}`;
}
