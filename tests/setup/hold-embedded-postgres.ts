// Starts an embedded PostgreSQL and then waits forever, so a test can kill this process hard.
import { startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";

const [dir, port] = process.argv.slice(2);
await startEmbeddedPostgres({ dir: dir as string, port: Number(port) });
console.log("ready");
setInterval(() => {}, 1 << 30);
