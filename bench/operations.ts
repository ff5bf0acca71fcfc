// Operations at the benchmark's scale: a base backup taken while the server runs, its
// verification and a restore; then the deployment topology (a streaming replica, one and
// two instances behind nginx) under the public read load and the officers' save load.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db/client";
import { isoDate } from "@/lib/format/dates";
import { freePort, takeBaseBackup } from "@/lib/postgres/base-backup";
import type { EmbeddedDatabase } from "@/lib/postgres/embedded-postgres";
import { prepareDataDirectory, recoverToBackupEnd, startStandby, verifyBackup } from "@/lib/postgres/restore-backup";
import {
  BALANCER,
  type Launched,
  NGINX,
  startBalancer,
  startInstance,
  stopLaunched,
  writeUpstream,
} from "@/tests/topology/servers";
import { benchConcurrentSaves } from "./concurrent-saves";
import { type LoadResult, loadTest } from "./http-load";
import { percentile, timed } from "./stats";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

export async function benchBackup(server: EmbeddedDatabase, dataDir: string, work: string): Promise<string[]> {
  const target = path.join(work, "backup");
  let manifest: Awaited<ReturnType<typeof takeBaseBackup>> | undefined;
  const backupMs = await timed(async () => {
    manifest = await takeBaseBackup({ superuserUrl: server.url, dataDir, target, passwordFile: `${dataDir}.password` });
  });
  let figures = 0;
  const verifyMs = await timed(async () => {
    figures = (await verifyBackup(target)).rows.figure ?? 0;
  });
  const restored = path.join(work, "restored");
  const restoreMs = await timed(async () => {
    await recoverToBackupEnd(restored, await prepareDataDirectory({ source: target, dataDir: restored }));
  });
  await fs.rm(restored, { recursive: true, force: true });
  await fs.rm(`${restored}.password`, { force: true });
  await fs.rm(target, { recursive: true, force: true });
  const bytes = manifest?.bytes ?? 0;
  return [
    `Sao lưu khi đang chạy (npm run cli -- backup): ${gb(bytes)}, ${manifest?.files} tệp, ${seconds(backupMs)} ` +
      `(${(bytes / 1024 ** 2 / (backupMs / 1000)).toFixed(0)} MB/s)`,
    `  kiểm tra (verify-backup: khôi phục tạm, đọc hết ${figures.toLocaleString("vi-VN")} số liệu, amcheck): ${seconds(verifyMs)}`,
    `  khôi phục (restore: chép + áp WAL đến điểm kết thúc): ${seconds(restoreMs)}`,
  ];
}

export async function benchTopology(
  server: EmbeddedDatabase,
  dataDir: string,
  work: string,
  asOf: Date,
  loadSeconds: number,
): Promise<string[]> {
  if (!existsSync(NGINX)) return [`Triển khai nhiều máy chủ: bỏ qua, chưa có ${NGINX} (apt-get install nginx-light).`];
  const replicaPort = await freePort();
  const replica = await startStandby({
    primarySuperuserUrl: server.url,
    primaryDataDir: dataDir,
    standbyDir: path.join(work, "replica"),
    port: replicaPort,
    slot: "bench_replica",
  });
  const replicaUrl = new URL(server.runtimeUrl);
  replicaUrl.port = String(replicaPort);
  const env = {
    DATABASE_URL: server.runtimeUrl,
    DATABASE_REPLICA_URL: replicaUrl.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TRUST_PROXY: "loopback",
    LOG_LEVEL: "warn",
    DRAIN_SECONDS: "0",
  };
  const ports = [await freePort(), await freePort()];
  const instances: Launched[] = [];
  let nginx: Launched | undefined;
  try {
    for (const port of ports) instances.push(await startInstance(port, env));
    const rankings = `${BALANCER}/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=${isoDate(asOf)}`;
    const leaderboard = `${BALANCER}/?date=${isoDate(asOf)}&structure=63`;
    const runs: { label: string; rankings: LoadResult; leaderboard: LoadResult }[] = [];
    for (const [label, behind] of [
      ["1 máy chủ", ports.slice(0, 1)],
      ["2 máy chủ", ports],
    ] as const) {
      nginx = await startBalancer(path.join(work, `nginx-${behind.length}`), writeUpstream(work, [...behind]));
      runs.push({
        label,
        rankings: await loadTest(rankings, loadSeconds),
        leaderboard: await loadTest(leaderboard, loadSeconds),
      });
      await stopLaunched(nginx, "SIGQUIT");
    }
    nginx = await startBalancer(path.join(work, "nginx-lag"), writeUpstream(work, ports));
    const lag = await replicaLagDuring(server.url, () => benchConcurrentSaves(db(), BALANCER, asOf, loadSeconds));
    const cell = (r: LoadResult) =>
      `${r.requests.average.toFixed(0).padStart(5)} req/s, p95 ${r.p95.toFixed(0).padStart(4)} ms, lỗi ${r.errors + r.non2xx}`;
    return [
      "Qua nginx (deploy/nginx), 50 kết nối, bản sao PostgreSQL phục vụ đọc công khai:",
      `  ${"".padEnd(34)} ${runs.map((r) => r.label.padEnd(36)).join("")}`,
      `  ${"GET /api/v1/rankings (63 tỉnh)".padEnd(34)} ${runs.map((r) => cell(r.rankings).padEnd(36)).join("")}`,
      `  ${"GET / (bảng xếp hạng, HTML)".padEnd(34)} ${runs.map((r) => cell(r.leaderboard).padEnd(36)).join("")}`,
      `Độ trễ của bản sao khi 50 cán bộ cùng lưu: replay_lag p50 ${lag.p50} ms, p95 ${lag.p95} ms, lớn nhất ${lag.max} ms ` +
        `(${lag.samples} mẫu); ${lag.saves[0]?.trim()}`,
    ];
  } finally {
    if (process.env.BENCH_DEBUG) for (const l of [...instances, nginx]) console.error(l?.output());
    await stopLaunched(nginx, "SIGQUIT");
    for (const instance of instances) await stopLaunched(instance);
    await replica.stop();
  }
}

/** pg_stat_replication's replay lag, sampled every 100 ms on the primary while `work` runs. */
async function replicaLagDuring(primaryUrl: string, work: () => Promise<string[]>) {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  const samples: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      const { rows } = await client.query(
        "SELECT COALESCE(extract(epoch FROM replay_lag) * 1000, 0)::float AS ms FROM pg_stat_replication",
      );
      for (const row of rows) samples.push(row.ms);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const saves = await work();
    return {
      saves,
      samples: samples.length,
      p50: percentile(samples, 50).toFixed(1),
      p95: percentile(samples, 95).toFixed(1),
      max: Math.max(0, ...samples).toFixed(1),
    };
  } finally {
    running = false;
    await sampler;
    await client.end();
  }
}
