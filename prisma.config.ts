import { defineConfig } from "prisma/config";

// Prisma's native schema engine cannot be downloaded on machines without access to
// its binary host. generate/validate/format only need the bundled WebAssembly, so point
// the CLI at a binary that exists and fails loudly if it is ever run. Migrations go
// through scripts/db-migrate.ts (schema engine compiled to WebAssembly) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
