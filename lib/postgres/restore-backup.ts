import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  type BackupManifest,
  copyTree,
  handToPostgresUser,
  layout,
  POSTGRES_BIN,
  type Progress,
  postgresUser,
  readManifest,
  SKIPPED_CONTENTS,
  seconds,
  sum,
  takeBaseBackup,
} from "./base-backup";
import { freePort } from "./free-port";

// Bringing a base backup back: a data directory prepared from it, replayed to its stop
// point by a PostgreSQL of its own (to verify it, restore it, or start a standby from it).

/**
 * Lays a backup out as a data directory ready to start: the copy, its WAL in pg_wal, and,
 * for a restore, recovery settings that stop exactly at the backup's end; for a standby,
 * standby.signal and where the primary is.
 */
export async function prepareDataDirectory(options: {
  source: string;
  dataDir: string;
  standbyOf?: { conninfo: string; slot: string };
}): Promise<BackupManifest> {
  const source = path.resolve(options.source);
  const manifest = await readManifest(source);
  const files = layout(source);
  const dir = path.resolve(options.dataDir);
  if (existsSync(dir)) throw new Error(`${dir} đã tồn tại; khôi phục chỉ ghi vào thư mục mới.`);
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await copyTree(files.data, dir);
  await fs.mkdir(path.join(dir, "pg_wal"), { recursive: true, mode: 0o700 });
  for (const name of await fs.readdir(files.wal)) {
    await fs.copyFile(path.join(files.wal, name), path.join(dir, "pg_wal", name));
  }
  for (const name of SKIPPED_CONTENTS) await fs.mkdir(path.join(dir, name), { recursive: true, mode: 0o700 });
  await fs.mkdir(path.join(dir, "pg_wal/archive_status"), { recursive: true, mode: 0o700 });
  if (options.standbyOf) {
    await fs.writeFile(path.join(dir, "standby.signal"), "");
    const conninfo = options.standbyOf.conninfo.replaceAll("'", "''");
    await fs.appendFile(
      path.join(dir, "postgresql.auto.conf"),
      `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${options.standbyOf.slot}'\nhot_standby_feedback = on\n`,
    );
  } else {
    await fs.writeFile(path.join(dir, "recovery.signal"), "");
  }
  await fs.chmod(dir, 0o700);
  if (existsSync(files.password)) await fs.copyFile(files.password, `${dir}.password`);
  handToPostgresUser(dir);
  return manifest;
}

/**
 * Replays a prepared directory's WAL up to the backup's stop point, promotes it (it becomes
 * an ordinary server on a new timeline) and shuts it down cleanly.
 */
export async function recoverToBackupEnd(dataDir: string, manifest: BackupManifest): Promise<void> {
  const server = await spawnPostgres(dataDir, await freePort(), recoveryFlags(manifest));
  await server.stop();
}

/**
 * Restores a backup into a throw-away server and checks it: every table read through (data
 * checksums are on, so a damaged page fails the read), every b-tree index checked with
 * amcheck, and the data version within the bounds recorded at the stop.
 */
export async function verifyBackup(source: string, onProgress: Progress = () => {}): Promise<VerifyReport> {
  const began = performance.now();
  const dir = path.join(os.tmpdir(), `de-an-06-verify-${process.pid}-${Date.now()}`);
  try {
    onProgress("Khôi phục vào một máy chủ tạm…");
    const manifest = await prepareDataDirectory({ source, dataDir: dir });
    const password = (await fs.readFile(`${dir}.password`, "utf8")).trim();
    const port = await freePort();
    const server = await spawnPostgres(dir, port, recoveryFlags(manifest));
    const client = new pg.Client({
      connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${manifest.database}`,
    });
    try {
      await client.connect();
      const tables = await client.query<{ name: string }>(
        "SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      const rows: Record<string, number> = {};
      for (const { name } of tables.rows) {
        rows[name] = Number((await client.query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
      }
      onProgress(`Đọc hết ${tables.rows.length} bảng, ${sum(Object.values(rows))} dòng.`);
      await client.query("CREATE EXTENSION IF NOT EXISTS amcheck");
      const indexes = await client.query<{ oid: number; name: string }>(
        `SELECT c.oid, c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE a.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p'`,
      );
      for (const index of indexes.rows) await client.query("SELECT bt_index_check($1::regclass)", [index.oid]);
      onProgress(`Kiểm tra ${indexes.rows.length} chỉ mục B-tree bằng amcheck: không lỗi.`);
      const version = String(
        (await client.query("SELECT version FROM data_version WHERE id = 1")).rows[0]?.version ?? "0",
      );
      const { before, after } = manifest.dataVersionAtStop;
      if (BigInt(version) < BigInt(before) || BigInt(version) > BigInt(after)) {
        throw new Error(
          `Phiên bản dữ liệu sau khôi phục là ${version}, ngoài khoảng ${before}–${after} lúc sao lưu xong.`,
        );
      }
      return { manifest, rows, indexes: indexes.rows.length, dataVersion: version, seconds: seconds(began) };
    } finally {
      await client.end().catch(() => undefined);
      await server.stop();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(`${dir}.password`, { force: true });
  }
}

export type VerifyReport = {
  manifest: BackupManifest;
  rows: Record<string, number>;
  indexes: number;
  dataVersion: string;
  seconds: number;
};

export type RunningPostgres = { port: number; process: ChildProcess; stop: () => Promise<void> };

/**
 * Runs the embedded package's postgres on a prepared directory until it is ready: a restore
 * only once recovery has ended and it is promoted (during recovery it already accepts
 * read-only connections), a standby once it accepts read-only connections.
 */
export async function spawnPostgres(
  dataDir: string,
  port: number,
  extraFlags: string[] = [],
  readyFor: "writes" | "reads" = "writes",
): Promise<RunningPostgres> {
  const ready =
    readyFor === "writes"
      ? /database system is ready to accept connections/
      : /database system is ready to accept (read-only )?connections/;
  const ids = postgresUser();
  const child = spawn(
    POSTGRES_BIN,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...extraFlags,
    ],
    { ...(ids ?? {}), stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log.push(text);
      if (ready.test(text) || ready.test(log.slice(-2).join(""))) resolve(); // a line may span two chunks
    });
    child.on("exit", () =>
      reject(
        new Error(`PostgreSQL trên ${dataDir} dừng khi khởi động:\n${log.join("").split("\n").slice(-12).join("\n")}`),
      ),
    );
  });
  child.stderr?.removeAllListeners("data");
  child.stderr?.resume();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // fast shutdown: a clean checkpoint
    });
  return { port, process: child, stop };
}

function recoveryFlags(manifest: BackupManifest): string[] {
  return [
    // The WAL is already in pg_wal; archive recovery still requires a restore command.
    ...["-c", "restore_command=false", "-c", `recovery_target_lsn=${manifest.stopLsn}`],
    ...["-c", "recovery_target_action=promote", "-c", "archive_mode=off"],
  ];
}

/**
 * A streaming replica of a running server, seeded with a base backup and kept current from a
 * replication slot of its own on the primary (so the primary keeps the WAL it still needs).
 */
export async function startStandby(options: {
  primarySuperuserUrl: string;
  primaryDataDir: string;
  standbyDir: string;
  port: number;
  slot: string;
}): Promise<RunningPostgres> {
  const client = new pg.Client({ connectionString: options.primarySuperuserUrl });
  await client.connect();
  try {
    await client.query(
      "SELECT pg_create_physical_replication_slot($1, true) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)",
      [options.slot],
    );
  } finally {
    await client.end();
  }
  const staging = path.join(os.tmpdir(), `de-an-06-standby-${process.pid}-${Date.now()}`);
  try {
    await takeBaseBackup({
      superuserUrl: options.primarySuperuserUrl,
      dataDir: options.primaryDataDir,
      target: staging,
      passwordFile: `${path.resolve(options.primaryDataDir)}.password`,
    });
    const primary = new URL(options.primarySuperuserUrl);
    const conninfo = [
      `host=${primary.hostname}`,
      `port=${primary.port}`,
      `user=${decodeURIComponent(primary.username)}`,
      `password=${decodeURIComponent(primary.password)}`,
      "application_name=de_an_06_standby",
    ].join(" ");
    await prepareDataDirectory({
      source: staging,
      dataDir: options.standbyDir,
      standbyOf: { conninfo, slot: options.slot },
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return spawnPostgres(options.standbyDir, options.port, [], "reads");
}
