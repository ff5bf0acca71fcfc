// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { migrateDatabase, openDatabaseServer } from "@/lib/db/database-server";

const server = await openDatabaseServer();
try {
  const applied = await migrateDatabase(server);
  console.log(applied.length ? `Đã áp dụng: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.");
} finally {
  await server.stop();
}
process.exit(0);
