// npm start (production) / npm run dev: the whole product in one process.
// Builds when the build is missing or older than the sources, opens the database
// (embedded PostgreSQL unless DATABASE_URL is set), applies pending migrations, seeds demo
// data into a new database, then serves Next.js. Running Next in this same process means a
// hard kill leaves at most the embedded PostgreSQL behind, which the next start recovers.
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { db, disconnectDb } from "@/lib/db/client";
import { assertSafeRuntimeRole, migrateDatabase, openDatabaseServer } from "@/lib/db/database-server";
import { handleSignalsYourself } from "@/lib/db/embedded-postgres";
import { PROJECT_ROOT } from "@/lib/db/schema-engine";
import { createDemoAccounts, demoPassword, printDemoAccounts, saveDemoAccounts } from "@/lib/demo/demo-accounts";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed-demo";
import { env } from "@/lib/env";
import { frontDoor, parseTrustProxy } from "@/lib/http/front-door";
import { withPageCache } from "@/lib/http/page-cache";
import { guardServerAction } from "@/lib/http/server-action-guard";
import { buildIfStale } from "./build";

const dev = process.argv.includes("--dev");
// Next reads NODE_ENV when it loads; it must be set before the dynamic import below.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const startedAt = performance.now();
const config = env();

if (!dev && !(await buildIfStale())) process.exit(1);

const server = await openDatabaseServer();
console.log(
  server.embedded
    ? `▸ PostgreSQL nhúng sẵn sàng (${config.EMBEDDED_DB_DIR}, cổng ${config.EMBEDDED_DB_PORT})`
    : "▸ Dùng PostgreSQL tại DATABASE_URL",
);

const applied = await migrateDatabase(server);
if (applied.length) console.log(`▸ Đã áp dụng migration: ${applied.join(", ")}`);
await assertSafeRuntimeRole(server).catch(async (error: Error) => {
  console.error(`✗ ${error.message}`);
  await server.stop();
  process.exit(1);
});

// Setting up (demo data, demo accounts) runs as the setup role; the product itself, below, as
// the runtime role.
process.env.DATABASE_URL = server.setupUrl;
// Demo data goes into the embedded database by default, never into an external one unasked.
const demo = config.DEMO_SEED ?? server.embedded;
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
} else if ((await db().figure.count({ take: 1 })) === 0) {
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
else if ((await db().appUser.count()) === 0) {
  console.log(
    '▸ Chưa có tài khoản nào. Tạo quản trị Bộ: `npm run cli -- user create --username TÊN --name "Họ tên" --role MINISTRY_ADMIN`.',
  );
}
ensureAuthSecret(path.join(PROJECT_ROOT, ".data"));
await disconnectDb();
process.env.DATABASE_URL = server.url;

const { default: next } = await import("next");
const app = next({ dev, dir: PROJECT_ROOT, hostname: "localhost", port: config.PORT });
await app.prepare();
const handle = app.getRequestHandler();
// Public pages are served from memory until the data changes (see lib/http/page-cache.ts).
const versionPool = new pg.Pool({ connectionString: server.url, max: 4 });
versionPool.on("error", () => {}); // an idle connection dropped: the next query opens another
const readVersion = async () =>
  String((await versionPool.query("SELECT version FROM data_version WHERE id = 1")).rows[0]?.version ?? 0);
const trustProxy = parseTrustProxy(config.TRUST_PROXY);
const serve = dev ? handle : withPageCache(handle, readVersion);
const httpServer = http.createServer((req, res) => {
  frontDoor(req, res, trustProxy)
    .then((admitted) => (admitted ? guardServerAction(req, res, () => serve(req, res)) : undefined))
    .catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Lỗi máy chủ; vui lòng thử lại sau.");
    });
});

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

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), 20_000).unref(); // never hang on the way out
  httpServer.close();
  await versionPool.end().catch(() => undefined);
  await app.close?.().catch(() => undefined);
  await disconnectDb().catch(() => undefined);
  await server.stop();
  process.exit(code);
}
handleSignalsYourself();
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
