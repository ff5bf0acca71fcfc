import { defineConfig, devices } from "@playwright/test";
import { E2E_DB_PORT, E2E_PORT } from "./tests/e2e/ports";

// Browser tests run the real product (scripts/start.ts) against a database of their own,
// created fresh under .data/e2e-postgres, in Debian's chromium (Playwright's own browser
// downloads are not reachable here).
const PORT = E2E_PORT;
export const E2E_DEMO_PASSWORD = "e2e-mat-khau-mau-2026";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-reports/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Writes must name this site as their Origin, as a browser's do; scripted requests say it too.
    extraHTTPHeaders: { origin: `http://localhost:${PORT}` },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts",
    url: `http://localhost:${PORT}`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      EMBEDDED_DB_DIR: ".data/e2e-postgres",
      EMBEDDED_DB_PORT: E2E_DB_PORT,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      DEMO_WEEKS: "8",
      // Every test comes from one address; the limit itself is measured by the benchmark.
      PAGE_RENDERS_PER_MINUTE: "100000",
      // The demo accounts' shared password in this throw-away database (see tests/e2e/staff.ts).
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
    },
  },
});
