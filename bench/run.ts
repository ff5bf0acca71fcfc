// npm run bench [-- --smoke] [-- --rounds N] [-- --rankings]: prints timings; goals are read
// from the output, not asserted by timed tests. --smoke runs every path at a small scale (used
// by npm test); --rankings only loads the national data and times its reads and a save: the
// rankings (live and official), a save, a published edition, the week's quality flags.
import os from "node:os";
import { parseArgs } from "node:util";
import { benchNational, SCALES } from "./national";
import { benchEmbeddedPostgres, benchProductStart } from "./startup";

const { values } = parseArgs({
  options: { smoke: { type: "boolean" }, rounds: { type: "string" }, rankings: { type: "boolean" } },
});
const rounds = Number.parseInt(values.rounds ?? (values.smoke ? "1" : "5"), 10);
console.log(
  `Đề án 06 – benchmark (${os.cpus().length} lõi, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version})\n`,
);
if (!values.rankings) {
  console.log("Khởi động");
  for (const line of await benchEmbeddedPostgres(rounds)) console.log(`  ${line}`);
  const smokeDemo = { DEMO_UNITS_DIR: "/nonexistent", DEMO_WEEKS: "4" };
  for (const line of await benchProductStart(Math.max(1, Math.min(rounds, 3)), values.smoke ? smokeDemo : {})) {
    console.log(`  ${line}`);
  }
}
console.log("\nXếp hạng");
const scale = values.smoke ? SCALES.smoke : SCALES.full;
for (const line of await benchNational(scale, { rankingsOnly: values.rankings })) console.log(`  ${line}`);
process.exit(0);
