// npm run bench: prints timings; goals are checked by reading them, not by timed tests.
// `npm run bench -- N` repeats each measurement N times (default 5).
import os from "node:os";
import { benchEmbeddedPostgres, benchProductStart } from "./startup";

const rounds = Number.parseInt(process.argv[2] ?? "5", 10);
console.log(
  `Đề án 06 – benchmark (${os.cpus().length} lõi, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${rounds} lượt)\n`,
);
for (const line of await benchEmbeddedPostgres(rounds)) console.log(line);
for (const line of await benchProductStart(Math.max(1, Math.min(rounds, 3)))) console.log(line);
process.exit(0);
