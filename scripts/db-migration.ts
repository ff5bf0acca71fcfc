// npm run db:migration -- <name>: writes the next migration from the change to schema.prisma.
import "./load-env"; // first: .env files before anything reads the environment
import fs from "node:fs/promises";
import path from "node:path";
import { openDatabaseServer } from "@/lib/postgres/database-server";
import { MIGRATIONS_DIR, pendingSchemaChangeSql } from "@/lib/postgres/schema-engine";

const name = process.argv[2]?.trim();
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Cách dùng: npm run db:migration -- <tên_migration> (chữ thường, số, dấu gạch dưới)");
  process.exit(2);
}

// A scratch server only hosts the shadow database the engine replays the migrations into.
const server = await openDatabaseServer({ scratch: true });
try {
  const sql = await pendingSchemaChangeSql(server.url);
  if (!sql) {
    console.log("schema.prisma không có thay đổi nào chưa có migration; không tạo gì.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Đã tạo ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server.stop();
}
process.exit(0);
