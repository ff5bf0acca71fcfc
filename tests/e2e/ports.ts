// Where the browser tests' product and database listen. Defaults for CI; two checkouts on one
// machine can run their browser tests side by side by giving each its own E2E_PORT/E2E_DB_PORT.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB_PORT = String(process.env.E2E_DB_PORT ?? 54331);
