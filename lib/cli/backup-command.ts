import "server-only";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { formatCount } from "@/lib/format/numbers";
import { type BackupManifest, readManifest, takeBaseBackup } from "@/lib/postgres/base-backup";
import { embeddedServerOwner } from "@/lib/postgres/database-server";
import { isAlive, runningServerUrls } from "@/lib/postgres/embedded-postgres";
import { prepareDataDirectory, recoverToBackupEnd, verifyBackup } from "@/lib/postgres/restore-backup";

// backup / restore / verify-backup: for the embedded PostgreSQL. An external server is
// backed up with the tools made for it; the command says which.

const EXTERNAL_SERVER = `DATABASE_URL trỏ tới một PostgreSQL bên ngoài: sao lưu nó bằng công cụ chuẩn của PostgreSQL.
  • Bản logic, dừng hay chạy đều được (pg_dump cùng phiên bản chính với máy chủ):
      pg_dump --format=custom --file=de-an-06.dump "$DATABASE_MIGRATION_URL"
      pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_MIGRATION_URL" de-an-06.dump
  • Sao lưu vật lý và khôi phục về một thời điểm: pgBackRest (hoặc Barman) trên máy chủ cơ sở dữ liệu.
  • Dịch vụ đám mây: bản chụp (snapshot) và PITR của nhà cung cấp.
Xem README, mục Vận hành.`;

/** `embedded`: whether the command's database is the embedded server (see openDatabaseServer). */
export async function runBackup(rest: string[], flags: { verify?: boolean }, embedded: boolean): Promise<number> {
  const target = folderOf(rest, "backup THƯ_MỤC [--verify]");
  if (!target) return 2;
  if (!embedded) {
    console.error(EXTERNAL_SERVER);
    return 2;
  }
  const { EMBEDDED_DB_DIR, EMBEDDED_DB_PORT } = env();
  const dataDir = path.resolve(EMBEDDED_DB_DIR);
  const began = performance.now();
  console.log(`▸ Sao lưu ${dataDir} vào ${path.resolve(target)} (sản phẩm vẫn chạy bình thường)…`);
  const manifest = await takeBaseBackup({
    superuserUrl: runningServerUrls(dataDir, EMBEDDED_DB_PORT).superuserUrl,
    dataDir,
    target,
    passwordFile: `${dataDir}.password`,
    onProgress: (m) => console.log(`  ${m}`),
  });
  console.log(
    `✓ Đã sao lưu: ${mb(manifest.bytes)} (${formatCount(manifest.files)} tệp) trong ${elapsed(began)} s, ` +
      `đến WAL ${manifest.stopLsn} (${manifest.finishedAt}).`,
  );
  if (flags.verify) return runVerify([target]);
  return 0;
}

export async function runVerify(rest: string[]): Promise<number> {
  const source = folderOf(rest, "verify-backup THƯ_MỤC");
  if (!source) return 2;
  console.log(`▸ Kiểm tra bản sao lưu ${path.resolve(source)}…`);
  const report = await verifyBackup(source, (m) => console.log(`  ${m}`));
  console.log(
    `✓ Bản sao lưu dùng được: ${formatCount(report.rows.figure ?? 0)} số liệu, ${formatCount(report.rows.audit_entry ?? 0)} ` +
      `mục nhật ký, ${report.indexes} chỉ mục, phiên bản dữ liệu ${report.dataVersion} (${report.seconds} s).`,
  );
  return 0;
}

/** Replaces the embedded database with a backup; the current one is kept aside, never deleted. */
export async function runRestore(rest: string[]): Promise<number> {
  const source = folderOf(rest, "restore THƯ_MỤC");
  if (!source) return 2;
  if (env().DATABASE_URL) {
    console.error(EXTERNAL_SERVER);
    return 2;
  }
  const manifest = await readManifest(source);
  const dataDir = path.resolve(env().EMBEDDED_DB_DIR);
  const running = embeddedServerOwner() ?? (await postmasterPid(dataDir));
  if (running) {
    console.error(`✗ Sản phẩm đang chạy trên ${dataDir} (PID ${running}). Dừng nó (Ctrl+C) rồi khôi phục lại.`);
    return 1;
  }
  const began = performance.now();
  const aside = `${dataDir}.before-restore-${new Date().toISOString().replaceAll(/[:.]/g, "-")}`;
  if (existsSync(dataDir)) {
    await fs.rename(dataDir, aside);
    if (existsSync(`${dataDir}.password`)) await fs.rename(`${dataDir}.password`, `${aside}.password`);
    console.log(`▸ Cơ sở dữ liệu hiện tại được giữ lại ở ${aside}`);
  }
  try {
    console.log(`▸ Khôi phục bản sao lưu ${describeBackup(manifest)}…`);
    await prepareDataDirectory({ source, dataDir });
    console.log(`  Đã chép dữ liệu (${elapsed(began)} s); áp WAL đến ${manifest.stopLsn}…`);
    await recoverToBackupEnd(dataDir, manifest);
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    if (existsSync(aside)) {
      await fs.rename(aside, dataDir);
      if (existsSync(`${aside}.password`)) await fs.rename(`${aside}.password`, `${dataDir}.password`);
      console.error("  Đã trả lại cơ sở dữ liệu trước khi khôi phục.");
    }
    throw error;
  }
  console.log(
    `✓ Đã khôi phục về lúc ${manifest.finishedAt} trong ${elapsed(began)} s. Chạy \`npm start\` như thường lệ.`,
  );
  return 0;
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number.parseInt((await fs.readFile(file, "utf8")).split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

const describeBackup = (m: BackupManifest) => `lúc ${m.finishedAt}, PostgreSQL ${m.postgresVersion}, ${mb(m.bytes)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const elapsed = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** The folder a command names first, or null having said how to name it. */
function folderOf(rest: string[], usage: string): string | null {
  if (rest[0]) return rest[0];
  console.error(`Thiếu thư mục: npm run cli -- ${usage}`);
  return null;
}
