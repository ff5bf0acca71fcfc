import "server-only";
import type { Db } from "@/lib/db/db";
import { expectedMigrations, isDraining } from "./lifecycle";

async function appliedMigrations(db: Db): Promise<{ name: string }[]> {
  // A database never migrated has no history table at all: every migration is missing.
  const [history] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!history?.present) return [];
  return db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

const CHECK_TIMEOUT_MS = 2000;

/**
 * Whether a load balancer should send this instance traffic: not draining, the database
 * answers within two seconds, and every migration this build expects is applied (an instance
 * started before `npm run db:migrate` waits, unready, instead of failing on a missing column).
 */
export async function checkReadiness(db: Db): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: "Máy chủ đang dừng (đã nhận SIGTERM)." };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
  });
  try {
    const applied = await Promise.race([appliedMigrations(db), timeout]);
    const have = new Set(applied.map((row) => row.name));
    const missing = (expectedMigrations() ?? []).filter((name) => !have.has(name));
    if (missing.length > 0) {
      return {
        ready: false,
        reason: `Cơ sở dữ liệu chưa có migration ${missing.join(", ")}: chạy npm run db:migrate.`,
      };
    }
    return { ready: true };
  } catch (error) {
    const text = error instanceof Error && error.message === "timeout" ? `quá ${CHECK_TIMEOUT_MS} ms` : "lỗi kết nối";
    return { ready: false, reason: `Cơ sở dữ liệu không trả lời (${text}).` };
  } finally {
    clearTimeout(timer);
  }
}
