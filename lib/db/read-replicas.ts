import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

// PostgreSQL streaming replicas (DATABASE_REPLICA_URL) for public reads. A monitor compares
// each replica's data version with the primary's twice a second; a replica that does not
// answer, or has stayed behind the primary for longer than REPLICA_MAX_LAG_SECONDS, is
// skipped until it catches up. State lives on globalThis: the start script (its page cache)
// and the route handlers Next bundles separately share one set of pools and one monitor.

/**
 * Where a request's public reads go: a replica (named by its place in DATABASE_REPLICA_URL,
 * with its client) or the primary ("primary", client null: the process's own db()).
 */
export type ReadTarget = { name: string; client: PrismaClient | null; readVersion: () => Promise<string> };

/**
 * Set by the page cache on an anonymous page request: the server it read the data version
 * from, so the page is rendered from that same one. The front door drops whatever a client sends.
 */
export const READ_TARGET_HEADER = "x-de-an-06-read-target";

type Replica = {
  name: string;
  pool: FailoverPool;
  client: PrismaClient;
  up: boolean;
  /** When its data version last equalled (or passed) the primary's. */
  caughtUpAt: number;
  version: bigint | null;
};

type State = { replicas: Replica[]; primaryPool: pg.Pool; next: number };

const MONITOR_MS = 500;
const VERSION_SQL = "SELECT version::text AS v FROM data_version WHERE id = 1";
const store = globalThis as unknown as { __deAn06Replicas?: State };

/** Errors that mean "this server cannot be reached now", after which the read is retried on the primary. */
function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03"].includes(e.code ?? "") ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message ?? "")
  );
}

/**
 * A replica's pool that answers from the primary when the replica cannot be reached: a
 * replica stopping between two monitor rounds costs a retry, not a failed page.
 */
class FailoverPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly fallback: () => pg.Pool,
    private readonly onDown: () => void,
  ) {
    super(config);
    this.on("error", () => {}); // an idle connection dropped by a stopping replica: the next query opens another
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads; the adapter calls query(config) and connect().
  override query(...args: any[]): any {
    if (typeof args.at(-1) === "function") return super.query(...(args as Parameters<pg.Pool["query"]>));
    return (super.query(...(args as [pg.QueryConfig])) as Promise<pg.QueryResult>).catch((error: unknown) => {
      if (!isUnreachable(error)) throw error;
      this.onDown();
      return this.fallback().query(...(args as [pg.QueryConfig]));
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above.
  override connect(...args: any[]): any {
    if (typeof args[0] === "function") return super.connect(args[0]);
    return super.connect().catch((error: unknown) => {
      if (!isUnreachable(error)) throw error;
      this.onDown();
      return this.fallback().connect();
    });
  }
}

function state(): State {
  if (store.__deAn06Replicas) return store.__deAn06Replicas;
  const { DATABASE_URL, DATABASE_REPLICA_URL } = env();
  if (!DATABASE_URL) throw new Error("DATABASE_URL chưa được đặt.");
  const primaryPool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  primaryPool.on("error", () => {});
  const replicas = (DATABASE_REPLICA_URL ?? []).map((url, i): Replica => {
    const replica: Replica = { name: String(i), up: true, caughtUpAt: Date.now(), version: null } as Replica;
    replica.pool = new FailoverPool(
      { connectionString: url, max: 10, connectionTimeoutMillis: 1000 },
      () => primaryPool,
      () => {
        replica.up = false;
      },
    );
    replica.client = new PrismaClient({ adapter: new PrismaPg(replica.pool) });
    return replica;
  });
  store.__deAn06Replicas = { replicas, primaryPool, next: 0 };
  if (replicas.length > 0) {
    setInterval(() => void monitor(), MONITOR_MS).unref();
    void monitor();
  }
  return store.__deAn06Replicas;
}

async function readVersionOn(pool: pg.Pool): Promise<bigint> {
  // pg.Pool's own query, not a FailoverPool's: the version must come from the server asked.
  const query = pg.Pool.prototype.query as (this: pg.Pool, text: string) => Promise<pg.QueryResult<{ v: string }>>;
  const { rows } = await query.call(pool, VERSION_SQL);
  return BigInt(rows[0]?.v ?? "0");
}

async function monitor(): Promise<void> {
  const s = store.__deAn06Replicas;
  if (!s) return;
  const primaryVersion = await readVersionOn(s.primaryPool).catch(() => null);
  const maxLagMs = env().REPLICA_MAX_LAG_SECONDS * 1000;
  await Promise.all(
    s.replicas.map(async (replica) => {
      // Straight to the replica (not through its fallback): the monitor must see it fail.
      const version = await withTimeout(readVersionOn(replica.pool), 1000).catch(() => null);
      replica.version = version;
      if (version === null) {
        replica.up = false;
        return;
      }
      if (primaryVersion === null || version >= primaryVersion) replica.caughtUpAt = Date.now();
      replica.up = Date.now() - replica.caughtUpAt <= maxLagMs;
    }),
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The server a public request reads from: `pinned` (the page cache's choice, so the page
 * and its data version come from one server) when it is still usable, else the next usable
 * replica in turn, else the primary.
 */
export function readTarget(pinned?: string | null): ReadTarget {
  const s = state();
  const onPrimary: ReadTarget = {
    name: "primary",
    client: null,
    readVersion: async () => String(await readVersionOn(s.primaryPool)),
  };
  if (pinned === "primary") return onPrimary;
  const usable = s.replicas.filter((r) => r.up);
  const replica =
    usable.find((r) => r.name === pinned) ?? (pinned ? undefined : usable[s.next++ % Math.max(usable.length, 1)]);
  if (!replica) return onPrimary;
  return {
    name: replica.name,
    client: replica.client,
    readVersion: async () => {
      try {
        return String(await readVersionOn(replica.pool));
      } catch {
        replica.up = false;
        return String(await readVersionOn(s.primaryPool));
      }
    },
  };
}

/** The replicas as the monitor last saw them (for the benchmark and the operations page). */
export function replicaStatus(): { name: string; up: boolean; version: string | null }[] {
  return state().replicas.map((r) => ({ name: r.name, up: r.up, version: r.version?.toString() ?? null }));
}

/** Ends the pools (at shutdown). */
export async function closeReadTargets(): Promise<void> {
  const s = store.__deAn06Replicas;
  if (!s) return;
  store.__deAn06Replicas = undefined;
  await Promise.all([s.primaryPool.end(), ...s.replicas.map((r) => r.client.$disconnect())]).catch(() => undefined);
}
