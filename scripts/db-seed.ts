// npm run db:seed: writes the demo data (safe to repeat) into DATABASE_URL or the embedded database.
import "./load-env"; // first: .env files before anything reads the environment
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { env } from "@/lib/env";
import { migrate } from "@/lib/ops/migrate";
import { openDatabaseServer } from "@/lib/postgres/database-server";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";

const server = await openDatabaseServer();
try {
  await migrate(server);
  const { DEMO_WEEKS, DEMO_UNITS_DIR } = env();
  const summary = await seedDemo(db(), {
    weeks: DEMO_WEEKS,
    unitsDir: path.resolve(PROJECT_ROOT, DEMO_UNITS_DIR),
    onProgress: (message) => console.log(`  ${message}`),
  });
  console.log(
    `Dữ liệu mẫu: ${summary.provinces} tỉnh/thành phố mới, ${summary.figures} số liệu, ${summary.targets} chỉ tiêu.`,
  );
} finally {
  await disconnectDb();
  await server.stop();
}
process.exit(0);
