// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import "./load-env"; // first: .env files before anything reads the environment
import { migrate } from "@/lib/ops/migrate";
import { openDatabaseServer } from "@/lib/postgres/database-server";

const server = await openDatabaseServer();
try {
  const applied = await migrate(server);
  console.log(applied.length ? `Đã áp dụng: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.");
} finally {
  await server.stop();
}
process.exit(0);
