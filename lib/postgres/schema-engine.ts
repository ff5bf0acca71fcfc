import "server-only";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

// Prisma's schema engine, compiled to WebAssembly, drives migrations here: the native
// engine binary cannot be downloaded on machines that reach only the npm registry.
// History is kept in Prisma's own _prisma_migrations table and standard folder layout,
// so the native CLI sees the same state where it is available.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bindingsPath);
  const bindings = await import(bindingsPath);
  // Without this registry a Rust panic surfaces as "reading 'set_message'".
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const bytes = await fs.readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  // The engine leaves ~10 s timers behind after each command; unref them so a finished
  // command-line run exits at once instead of waiting for them.
  const imports: WebAssembly.ModuleImports = { ...bindings };
  for (const name of Object.keys(imports).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return bindings as EngineModule;
}

// adapter-pg has no mapping for PostgreSQL's internal "char" type (OID 18), which the engine
// meets when it describes a database (pg_constraint.contype...). Teach the adapter's query
// class to read it as Prisma's Character column type. Rows are keyed by their own array so
// concurrent queries cannot mix their column lists up.
let charColumnsSupported = false;
function supportCharColumns(adapter: object): void {
  if (charColumnsSupported) return;
  charColumnsSupported = true;
  type Result = { fields: { dataTypeID: number }[]; rows: unknown[] };
  type RawResult = { columnTypes: number[]; rows: unknown[] };
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as {
    performIO(query: unknown): Promise<Result>;
    queryRaw(query: unknown): Promise<RawResult>;
  };
  const { performIO, queryRaw } = queryable;
  const charColumns = new WeakMap<unknown[], number[]>();
  queryable.performIO = async function (this: unknown, query) {
    const result = await performIO.call(this, query);
    const found: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== 18) return;
      field.dataTypeID = 25; // TEXT, so the adapter's own type switch accepts it
      found.push(i);
    });
    if (found.length) charColumns.set(result.rows, found);
    return result;
  };
  queryable.queryRaw = async function (this: unknown, query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

// adapter-pg runs a migration script by splitting it on every ";", which cuts function
// bodies ($$ … ; … $$) apart. PostgreSQL runs a multi-statement script itself when it comes as
// one simple query (and atomically), so send it whole.
function runScriptsWhole(adapter: object): void {
  const proto = Object.getPrototypeOf(adapter) as {
    executeScript(script: string): Promise<void>;
    wholeScripts?: boolean;
  };
  if (proto.wholeScripts) return;
  proto.wholeScripts = true;
  proto.executeScript = async function (
    this: { client: { query(text: string): Promise<unknown> }; onError(error: unknown): never },
    script: string,
  ) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

async function connectAdapter(pool: pg.Pool) {
  const adapter = await new PrismaPg(pool).connect();
  supportCharColumns(adapter);
  runScriptsWhole(adapter);
  return adapter;
}

/**
 * Runs `work` with a schema engine connected to `databaseUrl`. Shadow databases the engine
 * asks for are created beside it and dropped afterwards, even when the work fails.
 */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const shadowDatabases: string[] = [];
  const pools: pg.Pool[] = [];
  const poolFor = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
    pools.push(pool);
    return pool;
  };
  const factory = {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(poolFor(databaseUrl)),
    connectToShadowDb: async () => {
      const name = `shadow_${randomUUID().replaceAll("-", "")}`;
      await adminQuery(databaseUrl, `CREATE DATABASE "${name}"`);
      shadowDatabases.push(name);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      return connectAdapter(poolFor(url.toString()));
    },
  };
  const logs: string[] = [];
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    for (const name of shadowDatabases) {
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
}

/** Runs one statement on its own connection (CREATE or DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = existsSync(dir) ? await fs.readdir(dir, { withFileTypes: true }) : [];
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await fs.readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => {
        const file = path.join(dir, folder, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await fs.readFile(file, "utf8") }
          : { tag: "error" as const, value: `${file} không tồn tại` };
        return { path: folder, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** Applies every pending migration (of `dir`, prisma/migrations by default); returns the names of those applied now. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built from the migrations folder to the current schema.prisma;
 * empty when the migrations already carry every change. Needs a server for a shadow database.
 */
export async function pendingSchemaChangeSql(
  databaseUrl: string,
  options: { schemaPath?: string; migrationsDir?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const migrationsList = await readMigrations(options.migrationsDir);
  const schema = await fs.readFile(schemaPath, "utf8");
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    return sql.includes("This is an empty migration") ? "" : sql.trim();
  });
}
