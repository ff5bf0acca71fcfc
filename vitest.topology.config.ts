import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The production topology (tests/topology): its own servers, so no shared test database.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["tests/topology/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
