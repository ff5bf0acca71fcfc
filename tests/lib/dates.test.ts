import { describe, expect, it } from "vitest";
import { formatDateVi, todayInVietnam } from "@/lib/format/dates";

describe("dates", () => {
  it("takes today in Vietnam (UTC+7), not in UTC", () => {
    expect(todayInVietnam(new Date("2026-11-22T16:59:59Z")).toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(todayInVietnam(new Date("2026-11-22T17:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("formats dd/MM/yyyy", () => {
    expect(formatDateVi(new Date("2025-07-01T00:00:00Z"))).toBe("01/07/2025");
  });
});
