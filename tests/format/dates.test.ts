import { describe, expect, it } from "vitest";
import { formatDateVi, parseIsoDate, todayInVietnam } from "@/lib/format/dates";

describe("dates", () => {
  it("takes today in Vietnam (UTC+7), not in UTC", () => {
    expect(todayInVietnam(new Date("2026-11-22T16:59:59Z")).toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(todayInVietnam(new Date("2026-11-22T17:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("formats dd/MM/yyyy", () => {
    expect(formatDateVi(new Date("2025-07-01T00:00:00Z"))).toBe("01/07/2025");
  });
});

describe("dates outside the product's years", () => {
  it("are not dates: year 0 and its neighbours cannot reach PostgreSQL or a formatter", () => {
    for (const text of ["0000-01-01", "0001-01-03", "1899-12-31", "2200-01-01", "9999-12-31"]) {
      expect(parseIsoDate(text)).toBeNull();
    }
    expect(parseIsoDate("1900-01-01")?.toISOString()).toBe("1900-01-01T00:00:00.000Z");
    expect(parseIsoDate("2199-12-31")?.toISOString()).toBe("2199-12-31T00:00:00.000Z");
  });
});
