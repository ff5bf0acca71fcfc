// Imported first by every script (start, build, cli, db-*), before anything reads lib/env.ts:
// the project's .env files join the process environment, which wins over them.
import path from "node:path";
import { loadEnvFiles } from "./env-files";

loadEnvFiles(path.resolve(import.meta.dirname, ".."), process.argv.includes("--dev"));
