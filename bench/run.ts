// npm run bench [-- --smoke] [-- --rounds N] [-- --rankings] [-- --lighthouse [--url U]]: prints timings
// and scores; goals are read from the output, not asserted by timed tests. --smoke runs every
// path at a small scale (used by npm test); --rankings only loads the national data and times its
// reads and a save: the rankings (live and official), a save, a published edition, the week's
// quality flags; --lighthouse only scores the public pages on a phone (bench/lighthouse.ts), of
// a product it starts with the demo data or of the one running at --url.
import os from "node:os";
import { parseArgs } from "node:util";
import { benchLighthouse } from "./lighthouse";
import { benchNational, SCALES } from "./national";
import { benchEmbeddedPostgres, benchProductStart } from "./startup";

const { values } = parseArgs({
  options: {
    smoke: { type: "boolean" },
    rounds: { type: "string" },
    rankings: { type: "boolean" },
    lighthouse: { type: "boolean" },
    url: { type: "string" },
  },
});
const rounds = Number.parseInt(values.rounds ?? (values.smoke ? "1" : "5"), 10);
console.log(
  `Đề án 06 – benchmark (${os.cpus().length} lõi, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version})\n`,
);
const smokeDemo = { DEMO_UNITS_DIR: "/nonexistent", DEMO_WEEKS: "4" };
const demo = values.smoke ? smokeDemo : {};
if (!values.rankings && !values.lighthouse) {
  console.log("Khởi động");
  for (const line of await benchEmbeddedPostgres(rounds)) console.log(`  ${line}`);
  for (const line of await benchProductStart(Math.max(1, Math.min(rounds, 3)), demo)) console.log(`  ${line}`);
}
if (!values.lighthouse) {
  console.log("\nXếp hạng");
  const scale = values.smoke ? SCALES.smoke : SCALES.full;
  for (const line of await benchNational(scale, { rankingsOnly: values.rankings })) console.log(`  ${line}`);
}
if (!values.rankings) {
  console.log("\nTrang công khai trên điện thoại");
  const runs = values.smoke ? 1 : Math.max(3, Math.min(rounds, 5));
  const options = { demo, smoke: Boolean(values.smoke), url: values.url };
  for (const line of await benchLighthouse(runs, options)) console.log(`  ${line}`);
}
process.exit(0);
