import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("environment", () => {
  it("has defaults that run the product with an embedded database", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_DB_DIR).toBe(".data/postgres");
    expect(env.DEMO_SEED).toBeUndefined(); // seeded only when the database is the embedded one
  });

  it("names each invalid variable and what is wrong with it", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "http" })).toThrow(
      /DATABASE_URL: DATABASE_URL phải bắt đầu bằng postgres:\/\/[\s\S]*PORT:/,
    );
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("refuses a DEMO_PASSWORD of spaces or one short once trimmed", () => {
    for (const DEMO_PASSWORD of [" ".repeat(12), "  ngan-qua  "])
      expect(() => parseEnv({ DEMO_PASSWORD })).toThrow(/DEMO_PASSWORD: DEMO_PASSWORD cần ít nhất 10 ký tự/);
    expect(parseEnv({ DEMO_PASSWORD: "mat-khau-demo-2026" }).DEMO_PASSWORD).toBe("mat-khau-demo-2026");
  });

  it("reads DEMO_SEED=false as off", () => {
    expect(parseEnv({ DEMO_SEED: "false" }).DEMO_SEED).toBe(false);
  });

  it("requires TLS for SMTP only with SMTP_REQUIRE_TLS=1 or true", () => {
    expect(parseEnv({}).SMTP_REQUIRE_TLS).toBe(false);
    expect(parseEnv({ SMTP_REQUIRE_TLS: "1" }).SMTP_REQUIRE_TLS).toBe(true);
    expect(parseEnv({ SMTP_REQUIRE_TLS: "true" }).SMTP_REQUIRE_TLS).toBe(true);
    expect(parseEnv({ SMTP_REQUIRE_TLS: "0" }).SMTP_REQUIRE_TLS).toBe(false);
    expect(() => parseEnv({ SMTP_REQUIRE_TLS: "yes" })).toThrow(/SMTP_REQUIRE_TLS/);
  });
});
