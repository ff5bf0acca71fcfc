// deploy/ cannot be run here (no Docker): these read its files and hold the facts the
// deployment relies on: no secret in the image, a supported Node.js, no devDependencies at
// run time, telemetry off, the reminders and backup jobs, nginx on its stable line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
const dockerfile = read("deploy/Dockerfile");
const compose = read("deploy/compose.yaml");
const ignored = read(".dockerignore")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

/** The Dockerfile's stages: each FROM line's image and the instructions under it. */
const stages = dockerfile
  .split(/^FROM /m)
  .slice(1)
  .map((text) => ({ image: text.split(/\s/)[0] ?? "", text }));
const runtime = stages.at(-1) ?? { image: "", text: "" };

/** A service's block in compose.yaml: its lines, two spaces in, up to the next service. */
function service(name: string): string {
  const match = compose.match(new RegExp(`^  ${name}:\\n((?:    .*\\n|\\s*\\n)*)`, "m"));
  if (!match?.[1]) throw new Error(`compose.yaml has no service ${name}`);
  return match[1];
}

describe("deploy/", () => {
  it(".dockerignore keeps secrets, local data, installed and built output and test output out of the image", () => {
    expect(ignored).toContain("**/.env*"); // deploy/.env too, not only the root's
    expect(ignored.filter((line) => line.startsWith("!"))).toEqual([]);
    for (const entry of [".data", ".next", "test-results", "test-reports", "playwright-report"])
      expect(ignored).toContain(entry);
    expect(ignored.some((line) => line === "node_modules" || line === "**/node_modules")).toBe(true);
  });

  it("builds on a supported Node.js LTS on Debian slim, one package.json's engines allow, with npm 11 pinned", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    const minimum = Number(engines.match(/^>=\s*(\d+)/)?.[1]);
    for (const { image, text } of stages) {
      const major = Number(image.match(/^node:(22|24)-(bookworm|trixie)-slim(\s|$)/)?.[1]);
      expect(major, image).toBeGreaterThan(0);
      expect(major).toBeGreaterThanOrEqual(minimum);
      expect(text).toMatch(/npm install --global npm@11\.\d+\.\d+/);
    }
  });

  it("turns Next's telemetry off in the build and at run time", () => {
    for (const { text } of stages) expect(text).toMatch(/^ENV .*NEXT_TELEMETRY_DISABLED=1/m);
  });

  it("ships no devDependencies: pruned after the build, and nothing installed in the runtime stage", () => {
    const build = stages[0]?.text ?? "";
    expect(build.indexOf("npm prune --omit=dev")).toBeGreaterThan(build.indexOf("npm run build"));
    expect(runtime.text).not.toMatch(/npm (ci|install)(?! --global npm@)/);
    expect(runtime.text).toMatch(/COPY --from=build/);
  });

  it("bakes no secret into the image: no secret ARG or ENV, secrets only as build secrets or at run time", () => {
    expect(dockerfile).not.toMatch(/^(ARG|ENV)\s+\S*(SECRET|PASSWORD|TOKEN|KEY)/im);
    for (const match of compose.matchAll(/^\s*(\w*(?:PASSWORD|SECRET)\w*):\s*(.*)$/gm))
      expect(match[2], match[1]).toMatch(/^\$\{\w+(:[?-][^}]*)?\}$/);
  });

  it("runs the reminders every hour with the CLI", () => {
    const reminders = service("reminders");
    expect(reminders).toContain("npm run -s cli -- reminders send");
    // The same hourly run publishes the week's edition once the ministry's approval time has passed.
    expect(reminders).toContain("npm run -s cli -- publish");
    expect(reminders).toMatch(/sleep .*3600/);
    expect(reminders).toMatch(/migrate: \{ condition: service_completed_successfully \}/);
  });

  it("backs the primary up with the server's own pg_dump, kept for a number of days", () => {
    const backup = service("backup");
    expect(backup).toContain(`image: ${service("primary").match(/image: (\S+)/)?.[1]}`);
    expect(backup).toMatch(/pg_dump --format=custom/);
    expect(backup).toMatch(/pg_restore --list/);
    expect(backup).toMatch(/-mtime \+"\$\$BACKUP_KEEP_DAYS" -delete/);
    expect(backup).toMatch(/- backups:\/backups/);
    expect(compose).toMatch(/^volumes:\n(?: {2}\w+:\n)*? {2}backups:/m);
  });

  it("puts nginx of the stable line (an even minor version, 1.28 or later) in front", () => {
    const [, minor] = service("nginx").match(/image: nginx:1\.(\d+)(?:\.\d+)?(?:-\w+)?\n/) ?? [];
    expect(Number(minor) % 2).toBe(0);
    expect(Number(minor)).toBeGreaterThanOrEqual(28);
  });
});
