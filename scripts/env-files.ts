// .env files, read the way Next.js reads them (its own @next/env), for every script of the
// product: start, build, the CLI and the database scripts. Files, first one wins:
// .env.<mode>.local, .env.local, .env.<mode>, .env, where <mode> is "development" for
// `npm run dev` and "production" otherwise ("test" under NODE_ENV=test, without .env.local).
// A variable already in the process environment always wins over every file. lib/env.ts
// then reads and checks the result, as it reads the process environment.
import nextEnv from "@next/env";

const quiet = { info: () => {}, error: (...args: unknown[]) => console.error(...args) };

/** Loads `dir`'s .env files into process.env (never over a variable already set); returns the files read. */
export function loadEnvFiles(dir: string, dev = false): string[] {
  return nextEnv.loadEnvConfig(dir, dev, quiet).loadedEnvFiles.map((file) => file.path);
}

/**
 * Sets variables the way the process environment sets them: Next.js, reloading changed .env
 * files in development, puts back the environment it found first, so a variable a script
 * sets after loading (NODE_ENV, the embedded database's DATABASE_URL) is set through here.
 */
export function setProcessEnv(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
  nextEnv.updateInitialEnv(vars);
}
