// npm start / npm run dev: the product in one process.
// Two ways to run. Without DATABASE_URL (a laptop, the demo): build when the sources changed,
// start an embedded PostgreSQL, apply migrations, seed demo data into a new database, serve.
// With DATABASE_URL (production, any number of instances): serve only. The build comes from
// `npm run build`, migrations from `npm run db:migrate`, data from imports; AUTH_SECRET is
// required, and /api/v1/ready answers 503 until the migrations this build expects are applied.
// Next runs in this same process, so a hard kill leaves at most the embedded PostgreSQL
// behind, which the next start recovers.
import "./load-env"; // first: .env files before anything reads the environment
import http from "node:http";
import path from "node:path";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { db, disconnectDb } from "@/lib/db/client";
import { closeReadTargets, READ_TARGET_HEADER, readTarget } from "@/lib/db/read-replicas";
import { createDemoAccounts, demoPassword, printDemoAccounts, saveDemoAccounts } from "@/lib/demo/demo-accounts";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed-demo";
import { env } from "@/lib/env";
import { frontDoor, parseTrustProxy } from "@/lib/http/front-door";
import { type PageVersion, withPageCache } from "@/lib/http/page-cache";
import { guardServerAction } from "@/lib/http/server-action-guard";
import { CLIENT_ADDRESS_HEADER } from "@/lib/limits/client-address";
import { SharedRateLimit } from "@/lib/limits/shared-rate-limit";
import { expectMigrations, isDraining, startDraining } from "@/lib/ops/lifecycle";
import { migrate } from "@/lib/ops/migrate";
import { pendingMigrations } from "@/lib/ops/pending-migrations";
import { createLogger, routeConsoleToLogger, withRequestLog } from "@/lib/ops/request-log";
import { assertSafeRuntimeRole, openDatabaseServer } from "@/lib/postgres/database-server";
import { handleSignalsYourself } from "@/lib/postgres/embedded-postgres";
import { PROJECT_ROOT, readMigrations } from "@/lib/postgres/schema-engine";
import { buildExists, buildIfStale } from "./build";
import { setProcessEnv } from "./env-files";

const dev = process.argv.includes("--dev");
// Next reads NODE_ENV when it loads; it must be set before the dynamic import below. Next's
// anonymous telemetry stays off in every run.
setProcessEnv({ NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
const startedAt = performance.now();
const config = env();
const production = !dev && Boolean(config.DATABASE_URL);

function refuse(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

if (production) {
  if (!config.AUTH_SECRET) {
    refuse(
      "Thiếu AUTH_SECRET. Khi có DATABASE_URL, mọi máy chủ của một hệ thống phải dùng chung một khoá ký phiên: " +
        "tạo một lần (openssl rand -base64 32) và đặt AUTH_SECRET giống nhau cho mọi máy.",
    );
  }
  if (!buildExists())
    refuse("Chưa có bản build. Chạy `npm run build` một lần (bước build của triển khai) rồi `npm start`.");
  if (config.DEMO_SEED) {
    refuse("Với DATABASE_URL, npm start không ghi dữ liệu. Ghi dữ liệu mẫu bằng `npm run db:seed`, rồi bỏ DEMO_SEED.");
  }
} else if (!dev && !(await buildIfStale())) process.exit(1);

const expected = (await readMigrations()).migrationDirectories.map((m) => m.path);
expectMigrations(expected);
const server = await openDatabaseServer();
console.log(
  server.embedded
    ? `▸ PostgreSQL nhúng sẵn sàng (${config.EMBEDDED_DB_DIR}, cổng ${config.EMBEDDED_DB_PORT})`
    : "▸ Dùng PostgreSQL tại DATABASE_URL",
);

if (production) {
  await warnAboutPendingMigrations(server.url);
} else {
  const applied = await migrate(server);
  if (applied.length) console.log(`▸ Đã áp dụng migration: ${applied.join(", ")}`);
}
await assertSafeRuntimeRole(server).catch(async (error: Error) => {
  console.error(`✗ ${error.message}`);
  await server.stop();
  process.exit(1);
});

// Setting up (demo data, demo accounts) runs as the setup role; the product itself, below, as
// the runtime role.
process.env.DATABASE_URL = server.setupUrl;
// Demo data goes into the embedded database by default, never into an external one unasked.
const demo = !production && (config.DEMO_SEED ?? server.embedded);
if (demo && (await isDatabaseEmpty(db()))) {
  console.log("▸ Cơ sở dữ liệu mới: ghi dữ liệu mẫu…");
  const summary = await seedDemo(db(), {
    weeks: config.DEMO_WEEKS,
    unitsDir: path.resolve(PROJECT_ROOT, config.DEMO_UNITS_DIR),
    onProgress: (message) => console.log(`    ${message}`),
  });
  console.log(
    `▸ Đã ghi dữ liệu mẫu: ${summary.provinces} đơn vị cấp tỉnh (63 trước và 34 sau 1/7/2025), ` +
      `${summary.units} đơn vị cấp dưới, ${summary.figures} số liệu, ${summary.targets} chỉ tiêu.`,
  );
} else if (!production && (await db().figure.count({ take: 1 })) === 0) {
  console.log(
    "▸ Chưa có số liệu nào. Nhập bằng `npm run cli -- import figures <tệp>` hoặc ghi dữ liệu mẫu: `npm run cli -- demo`.",
  );
}
// Demo accounts, one per role, whenever a demo database has no users yet. Their shared
// password is kept beside the database so every start can print it.
const accountsFile = server.embedded
  ? `${path.resolve(PROJECT_ROOT, config.EMBEDDED_DB_DIR)}.demo-accounts.json`
  : path.join(PROJECT_ROOT, ".data/demo-accounts.json");
if (demo && (await db().appUser.count()) === 0) {
  const password = demoPassword(config.DEMO_PASSWORD);
  saveDemoAccounts(accountsFile, password, await createDemoAccounts(db(), password));
}
if (demo) printDemoAccounts(accountsFile);
else if (!production && (await db().appUser.count()) === 0) {
  console.log(
    '▸ Chưa có tài khoản nào. Tạo quản trị Bộ: `npm run cli -- user create --username TÊN --name "Họ tên" --role MINISTRY_ADMIN`.',
  );
}
if (!production) setProcessEnv({ AUTH_SECRET: ensureAuthSecret(path.join(PROJECT_ROOT, ".data")) });
await disconnectDb();
setProcessEnv({ DATABASE_URL: server.url });

const { default: next } = await import("next");
const app = next({ dev, dir: PROJECT_ROOT, hostname: "localhost", port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
// Public pages are served from memory until the data changes (see lib/http/page-cache.ts),
// each rendered from the server (a replica, or the primary) its data version was read from.
const pageVersion: PageVersion = async (req) => {
  const target = readTarget();
  req.headers[READ_TARGET_HEADER] = target.name;
  return { version: await target.readVersion(), recheck: target.readVersion };
};
const trustProxy = parseTrustProxy(config.TRUST_PROXY);
// Pages rendered anew count against their address like the API's new rankings (read from
// the front door's header); remembered ones are free.
const newPagesPerAddress = new SharedRateLimit({
  bucket: "new-pages",
  perWindow: config.PAGE_RENDERS_PER_MINUTE,
  windowSeconds: 60,
  message: "Địa chỉ này yêu cầu quá nhiều trang mới trong một phút; vui lòng thử lại sau.",
});
const serve = dev
  ? handle
  : withPageCache(handle, pageVersion, {
      admitRender: (req) => newPagesPerAddress.take(db(), String(req.headers[CLIENT_ADDRESS_HEADER] ?? "unknown")),
    });
// JSON logs, one line per request, by default where production runs; the demo's terminal stays readable.
const logger = createLogger(config.LOG_LEVEL ?? (production ? "info" : "warn"));
if (production) routeConsoleToLogger(logger);
const httpServer = http.createServer(
  withRequestLog(logger, trustProxy, (req, res) => {
    // While draining, every answer asks the client (or the proxy) to reconnect, elsewhere.
    if (isDraining()) res.setHeader("connection", "close");
    frontDoor(req, res, trustProxy)
      .then((admitted) => (admitted ? guardServerAction(req, res, () => serve(req, res)) : undefined))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Lỗi máy chủ; vui lòng thử lại sau.");
      });
  }),
);

httpServer.on("error", async (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `✗ Cổng ${config.PORT} đang được dùng. Dừng chương trình đang chiếm cổng hoặc đặt PORT khác.`
      : `✗ Không mở được máy chủ web: ${error.message}`,
  );
  await shutdown(1);
});
httpServer.listen(config.PORT, config.HOST, () => {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`✓ Đề án 06 đang chạy tại http://localhost:${config.PORT} (khởi động ${seconds} s). Ctrl+C để dừng.`);
});

/** Migrations this build has that the database lacks: said once at start; readiness stays 503 until applied. */
async function warnAboutPendingMigrations(url: string): Promise<void> {
  const pending = await pendingMigrations(url);
  if (pending.length) {
    console.warn(
      `▸ Cơ sở dữ liệu còn thiếu ${pending.length} migration (${pending.join(", ")}). Chạy \`npm run db:migrate\`; ` +
        "đến lúc đó /api/v1/ready trả 503.",
    );
  }
}

const drainSeconds = config.DRAIN_SECONDS ?? (production ? 5 : 0);
let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Unready first, so the balancer stops sending; then stop listening and let in-flight requests finish.
  startDraining();
  setTimeout(() => process.exit(code), 20_000 + drainSeconds * 1000).unref(); // never hang on the way out
  if (drainSeconds > 0) {
    console.log(`▸ Đang dừng: /api/v1/ready trả 503, chờ ${drainSeconds} s cho bộ cân bằng tải…`);
    await new Promise((r) => setTimeout(r, drainSeconds * 1000));
  }
  await new Promise<void>((resolve) => {
    // A kept-alive connection closes as soon as its request is answered.
    const sweep = setInterval(() => httpServer.closeIdleConnections(), 100);
    httpServer.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
  await closeReadTargets();
  await app.close?.().catch(() => undefined);
  await disconnectDb().catch(() => undefined);
  await server.stop();
  process.exit(code);
}
handleSignalsYourself();
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
