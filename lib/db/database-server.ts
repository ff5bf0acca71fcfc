import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { isAlive, runningServerUrl, startEmbeddedPostgres } from "./embedded-postgres";

export type DatabaseServer = {
  url: string;
  embedded: boolean;
  /** True when an embedded cluster was created by this start. */
  created: boolean;
  stop: () => Promise<void>;
};

/**
 * The database a command works on: DATABASE_URL when set, otherwise the project's embedded
 * PostgreSQL (EMBEDDED_DB_DIR / EMBEDDED_DB_PORT), or a throw-away one for `scratch` work.
 */
export async function openDatabaseServer(options: { scratch?: boolean } = {}): Promise<DatabaseServer> {
  const { DATABASE_URL, EMBEDDED_DB_DIR, EMBEDDED_DB_PORT } = env();
  if (DATABASE_URL) {
    return { url: DATABASE_URL, embedded: false, created: false, stop: async () => {} };
  }
  if (options.scratch) {
    const scratch = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `de-an-06-scratch-${process.pid}-${Date.now()}`),
      port: EMBEDDED_DB_PORT + 1 + (process.pid % 1000),
      ephemeral: true,
    });
    return { ...scratch, embedded: true };
  }
  // One process runs the embedded server; others (a command while the product runs) share it.
  const ownerFile = `${path.resolve(EMBEDDED_DB_DIR)}.owner-pid`;
  const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, "utf8"), 10) : null;
  if (owner && owner !== process.pid && isAlive(owner)) {
    const url = runningServerUrl(EMBEDDED_DB_DIR, EMBEDDED_DB_PORT);
    process.env.DATABASE_URL = url;
    return { url, embedded: true, created: false, stop: async () => {} };
  }
  mkdirSync(path.dirname(ownerFile), { recursive: true });
  writeFileSync(ownerFile, String(process.pid));
  const server = await startEmbeddedPostgres({ dir: EMBEDDED_DB_DIR, port: EMBEDDED_DB_PORT });
  process.env.DATABASE_URL = server.url;
  return {
    ...server,
    embedded: true,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}
