// npm run db:seed: writes the demo data (safe to repeat) into DATABASE_URL or the embedded database.
import { db, disconnectDb } from "@/lib/db/client";
import { openDatabaseServer } from "@/lib/db/database-server";
import { applyMigrations } from "@/lib/db/schema-engine";
import { seedDemo } from "@/lib/demo/seed-demo";

const server = await openDatabaseServer();
try {
  await applyMigrations(server.url);
  const summary = await seedDemo(db());
  console.log(`Dữ liệu mẫu: thêm ${summary.provinces} tỉnh/thành phố.`);
} finally {
  await disconnectDb();
  await server.stop();
}
process.exit(0);
