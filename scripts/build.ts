// `next build` when the build is missing or older than the sources; used by npm start (the
// embedded demo) and npm test. `npm run build` (--force) always builds: the production step.
import "./load-env"; // first: .env files before anything reads the environment
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUILD_STARTED = path.join(ROOT, ".next/build-started-at");
const SOURCES = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "package.json"];

/** Builds when needed (or always, with `force`); false when the build failed (its errors are already printed). */
export async function buildIfStale(force = false): Promise<boolean> {
  if (!force && !(await buildIsStale())) return true;
  console.log("▸ Đang build giao diện (next build)…");
  // The build reflects the sources as they were when it began: a file saved during the build
  // must make the next start build again, so freshness is judged by the start time.
  const began = new Date();
  // Next's anonymous telemetry stays off in every build.
  const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    console.error("✗ next build thất bại; xem lỗi ở trên.");
    return false;
  }
  await fs.writeFile(BUILD_STARTED, began.toISOString());
  await fs.utimes(BUILD_STARTED, began, began);
  return true;
}

export function buildExists(): boolean {
  return existsSync(path.join(ROOT, ".next/BUILD_ID"));
}

/** Stale when missing, or begun before the last change to any source, style or config file (or folder). */
async function buildIsStale(): Promise<boolean> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")) || !existsSync(BUILD_STARTED)) return true;
  const builtAt = statSync(BUILD_STARTED).mtimeMs;
  for (const root of SOURCES) {
    const full = path.join(ROOT, root);
    if (!existsSync(full)) continue;
    if (statSync(full).isFile()) {
      if (statSync(full).mtimeMs > builtAt) return true;
      continue;
    }
    // Directories too: deleting or renaming a file changes only its directory's time.
    if (statSync(full).mtimeMs > builtAt) return true;
    for (const entry of await fs.readdir(full, { recursive: true, withFileTypes: true })) {
      if (
        (entry.isFile() || entry.isDirectory()) &&
        statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt
      )
        return true;
    }
  }
  return false;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exit((await buildIfStale(process.argv.includes("--force"))) ? 0 : 1);
}
