import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // Services import "server-only" to keep them out of client bundles; tests run them on the server.
      "server-only": path.join(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // The multi-server topology has its own run (vitest.topology.config.ts), after the browser tests.
    exclude: ["tests/topology/**", "node_modules/**"],
    globalSetup: ["tests/setup/test-database.ts"],
    // Integration tests share one PostgreSQL; files run one at a time so resets do not collide.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
