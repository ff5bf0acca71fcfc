import "server-only";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { describeRuntimeRole, grantRuntimeRole } from "./database-roles";
import { isAlive, runningServerUrls, startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./schema-engine";

export type DatabaseServer = {
  /** What the product connects as (DATABASE_URL): rows only, when set up as this product sets it up. */
  url: string;
  /** What migrations run as: the schema's owner (DATABASE_MIGRATION_URL, or DATABASE_URL when unset). */
  migrationUrl: string;
  /**
   * What setting up a new database (the demo data) runs as: on an embedded cluster of our
   * own, its superuser, which may skip foreign-key triggers for the bulk load (about a
   * quarter faster); otherwise the migration role.
   */
  setupUrl: string;
  embedded: boolean;
  /** True when an embedded cluster was created by this start. */
  created: boolean;
  stop: () => Promise<void>;
};

/**
 * The database a command works on: DATABASE_URL when set, otherwise the project's embedded
 * PostgreSQL (EMBEDDED_DB_DIR / EMBEDDED_DB_PORT), or a throw-away one for `scratch` work
 * (whose url is its superuser's: shadow databases are created there).
 */
export async function openDatabaseServer(options: { scratch?: boolean } = {}): Promise<DatabaseServer> {
  const { DATABASE_URL, DATABASE_MIGRATION_URL, EMBEDDED_DB_DIR, EMBEDDED_DB_PORT } = env();
  if (DATABASE_URL) {
    const migrationUrl = DATABASE_MIGRATION_URL ?? DATABASE_URL;
    return {
      url: DATABASE_URL,
      migrationUrl,
      setupUrl: migrationUrl,
      embedded: false,
      created: false,
      stop: async () => {},
    };
  }
  if (options.scratch) {
    const scratch = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `de-an-06-scratch-${process.pid}-${Date.now()}`),
      port: EMBEDDED_DB_PORT + 1 + (process.pid % 1000),
      ephemeral: true,
    });
    const { url, created, stop } = scratch;
    return { url, migrationUrl: url, setupUrl: url, created, stop, embedded: true };
  }
  // One process runs the embedded server; others (a command while the product runs) share it.
  const ownerFile = `${path.resolve(EMBEDDED_DB_DIR)}.owner-pid`;
  const owner = embeddedServerOwner();
  if (owner && owner !== process.pid) {
    const urls = runningServerUrls(EMBEDDED_DB_DIR, EMBEDDED_DB_PORT);
    process.env.DATABASE_URL = urls.runtimeUrl;
    return {
      url: urls.runtimeUrl,
      migrationUrl: urls.ownerUrl,
      setupUrl: urls.ownerUrl,
      embedded: true,
      created: false,
      stop: async () => {},
    };
  }
  mkdirSync(path.dirname(ownerFile), { recursive: true });
  writeFileSync(ownerFile, String(process.pid));
  const server = await startEmbeddedPostgres({ dir: EMBEDDED_DB_DIR, port: EMBEDDED_DB_PORT });
  process.env.DATABASE_URL = server.runtimeUrl;
  return {
    url: server.runtimeUrl,
    migrationUrl: server.ownerUrl,
    setupUrl: server.url,
    created: server.created,
    embedded: true,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/** The PID of the live process that runs the embedded server on EMBEDDED_DB_DIR, if any. */
export function embeddedServerOwner(): number | null {
  const ownerFile = `${path.resolve(env().EMBEDDED_DB_DIR)}.owner-pid`;
  const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, "utf8"), 10) : null;
  return owner && isAlive(owner) ? owner : null;
}

/** Brings the schema up to date as its owner and gives the runtime role its rights; returns the migrations applied. */
export async function migrateDatabase(server: DatabaseServer): Promise<string[]> {
  const applied = await applyMigrations(server.migrationUrl);
  if (server.migrationUrl !== server.url) {
    await grantRuntimeRole(server.migrationUrl, (await describeRuntimeRole(server.url)).name);
  }
  return applied;
}

/**
 * Who the product will run as: a superuser, or the owner of the audit trail, could switch
 * off its append-only trigger, so the product refuses to start as one unless
 * ALLOW_SUPERUSER_RUNTIME is set.
 */
export async function assertSafeRuntimeRole(server: DatabaseServer): Promise<void> {
  const runtime = await describeRuntimeRole(server.url);
  if (!(runtime.superuser || runtime.ownsAuditTrail) || env().ALLOW_SUPERUSER_RUNTIME) return;
  throw new Error(
    `DATABASE_URL đăng nhập bằng vai trò "${runtime.name}", ${runtime.superuser ? "là superuser" : "là chủ sở hữu bảng audit_entry"}: ` +
      "vai trò này tắt được trigger chỉ-thêm của nhật ký. Dùng cho DATABASE_URL một vai trò chỉ có quyền trên dữ liệu và đặt " +
      "DATABASE_MIGRATION_URL là vai trò chủ sở hữu (README, mục Bảo mật), hoặc đặt ALLOW_SUPERUSER_RUNTIME=true nếu chấp nhận rủi ro.",
  );
}
