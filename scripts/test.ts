// npm test: every check a change must pass, in the order that fails fastest.
// Security floor → types → format/lint → build → unit and integration tests (own PostgreSQL) →
// benchmark smoke run → browser tests (Debian's chromium, installed here when missing and we are root)
// → the deployment topology (Debian's nginx, installed the same way).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SERVER_NODE_ARGS } from "./node-args";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const CHROMIUM = "/usr/bin/chromium";
const NGINX = "/usr/sbin/nginx";
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const timings: string[] = [];

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▸ ${title}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: childEnv });
  timings.push(`${title}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${title} thất bại.`);
    process.exit(result.status ?? 1);
  }
}

/** Installs a Debian package the tests need when its program is missing (as root; otherwise says how). */
function ensureDebianPackage(program: string, packages: string, purpose: string): void {
  if (existsSync(program)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `✗ Thiếu ${program} cho ${purpose}.\n` +
        `  Cài bằng: sudo apt-get update && sudo apt-get install -y ${packages}\n  rồi chạy lại npm test.`,
    );
    process.exit(1);
  }
  step(`Cài ${packages} (apt-get)`, "sh", [
    "-c",
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages} >/dev/null`,
  ]);
}

type Counts = { passed: number; failed: number; skipped: number };

function readCounts(): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const report of ["vitest.json", "topology.json"]) {
    const vitest = JSON.parse(readFileSync(path.join(ROOT, "test-reports", report), "utf8"));
    counts.passed += vitest.numPassedTests;
    counts.failed += vitest.numFailedTests;
    counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  const playwright = JSON.parse(readFileSync(path.join(ROOT, "test-reports/playwright.json"), "utf8"));
  counts.passed += playwright.stats.expected;
  counts.failed += playwright.stats.unexpected + playwright.stats.flaky;
  counts.skipped += playwright.stats.skipped;
  return counts;
}

const started = performance.now();
rmSync(path.join(ROOT, "test-reports"), { recursive: true, force: true });
step("Mức an toàn của các thư viện", process.execPath, [...SERVER_NODE_ARGS, "scripts/check-versions.ts"]);
step("Sinh kiểu cho route (next typegen)", bin("next"), ["typegen"]);
step("Kiểm tra kiểu (tsc)", bin("tsc"), ["--noEmit"]);
step("Định dạng và lint (biome)", bin("biome"), ["check", "."]);
step("Build (next build, khi mã nguồn đổi)", process.execPath, [...SERVER_NODE_ARGS, "scripts/build.ts"]);
step("Kiểm thử đơn vị và tích hợp (vitest, PostgreSQL riêng)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-reports/vitest.json",
]);
// nginx before the benchmark: its smoke run covers the deployment topology too.
ensureDebianPackage(NGINX, "nginx-light", "kiểm thử nhiều máy chủ sau nginx");
step("Benchmark, quy mô nhỏ (npm run bench -- --smoke)", process.execPath, [
  ...SERVER_NODE_ARGS,
  "bench/run.ts",
  "--smoke",
]);
ensureDebianPackage(CHROMIUM, "chromium", "kiểm thử giao diện");
// Browser tests start from an empty database so the first-run path (migrate + demo seed) is exercised.
rmSync(path.join(ROOT, ".data/e2e-postgres"), { recursive: true, force: true });
step("Kiểm thử trình duyệt (Playwright + chromium)", bin("playwright"), ["test"]);
step("Kiểm thử triển khai: PostgreSQL chính + bản sao, hai máy chủ, nginx", bin("vitest"), [
  "run",
  "--config",
  "vitest.topology.config.ts",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-reports/topology.json",
]);

const counts = readCounts();
console.log(`\n${timings.join("\n")}\nTổng: ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
