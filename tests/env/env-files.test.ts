// .env files as Next.js reads them (scripts/env-files.ts, imported first by every script):
// each case runs in a process of its own, as a script does, on a scratch project directory.
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

/** What lib/env.ts reads in a script run with these files in its directory and this process environment. */
async function scriptSees(files: Record<string, string>, environment: Record<string, string> = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "env-files-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  // As a script starts outside the tests: no NODE_ENV=test (which skips .env.local), no DATABASE_URL.
  const childEnv: Record<string, string | undefined> = { ...process.env };
  delete childEnv.NODE_ENV;
  delete childEnv.DATABASE_URL;
  const code = `
    const { loadEnvFiles } = await import(${JSON.stringify(path.join(PROJECT_ROOT, "scripts/env-files.ts"))});
    const files = loadEnvFiles(${JSON.stringify(dir)});
    const { env } = await import(${JSON.stringify(path.join(PROJECT_ROOT, "lib/env.ts"))});
    console.log(JSON.stringify({ files, databaseUrl: env().DATABASE_URL ?? null, port: env().PORT }));`;
  const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "--input-type=module", "-e", code], {
    cwd: PROJECT_ROOT,
    env: { ...childEnv, ...environment } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as { files: string[]; databaseUrl: string | null; port: number };
}

describe(".env files", () => {
  it("reads DATABASE_URL from .env.local", async () => {
    const seen = await scriptSees({ ".env.local": "DATABASE_URL=postgresql://app@db.local/de_an_06\n" });
    expect(seen.files).toEqual([".env.local"]);
    expect(seen.databaseUrl).toBe("postgresql://app@db.local/de_an_06");
  });

  it("lets .env.local win over .env, and still reads what only .env sets", async () => {
    const seen = await scriptSees({
      ".env": "DATABASE_URL=postgresql://app@from-env/de_an_06\nPORT=3999\n",
      ".env.local": "DATABASE_URL=postgresql://app@from-env-local/de_an_06\n",
    });
    expect(seen.files).toEqual([".env.local", ".env"]);
    expect(seen.databaseUrl).toBe("postgresql://app@from-env-local/de_an_06");
    expect(seen.port).toBe(3999);
  });

  it("lets the process environment win over every file", async () => {
    const seen = await scriptSees(
      { ".env.local": "DATABASE_URL=postgresql://app@from-file/de_an_06\n", ".env": "PORT=3999\n" },
      { DATABASE_URL: "postgresql://app@from-environment/de_an_06", PORT: "4001" },
    );
    expect(seen.databaseUrl).toBe("postgresql://app@from-environment/de_an_06");
    expect(seen.port).toBe(4001);
  });

  it("reads none without files: the embedded database", async () => {
    const seen = await scriptSees({});
    expect(seen.files).toEqual([]);
    expect(seen.databaseUrl).toBeNull();
  });
});
