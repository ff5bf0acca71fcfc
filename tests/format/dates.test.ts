import { describe, expect, it } from "vitest";
import {
  formatDateVi,
  formatDay,
  formatDue,
  formatMoment,
  formatWeekday,
  parseIsoDate,
  parseTypedDate,
  todayInVietnam,
  typedDateText,
} from "@/lib/format/dates";
import { formatsFor } from "@/lib/i18n/locale";

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

describe("dates as typed in a date box", () => {
  it("reads dd/mm/yyyy day first, whatever the browser's language, and yyyy-mm-dd", () => {
    expect(parseTypedDate("06/12/2026")?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(parseTypedDate("07/12/2026")?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(parseTypedDate(" 6/1/2026 ")?.toISOString()).toBe("2026-01-06T00:00:00.000Z");
    expect(parseTypedDate("06.12.2026")?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(parseTypedDate("06-12-2026")?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(parseTypedDate("2026-12-06")?.toISOString()).toBe("2026-12-06T00:00:00.000Z");
  });

  it("refuses what is not a real day in the product's years", () => {
    for (const text of [
      "",
      "31/02/2026",
      "12/13/2026",
      "00/12/2026",
      "6/12/26",
      "2026/12/06",
      "12-2026",
      "abc",
      "29/02/2025",
    ]) {
      expect(parseTypedDate(text), text).toBeNull();
    }
    expect(parseTypedDate("29/02/2024")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseTypedDate("31/12/2199")).not.toBeNull();
    expect(parseTypedDate("01/01/2200")).toBeNull();
  });

  it("shows a date box's value as dd/mm/yyyy", () => {
    expect(typedDateText("2026-12-06")).toBe("06/12/2026");
    expect(typedDateText("")).toBe("");
    expect(typedDateText(null)).toBe("");
  });
});

describe("one date style per language", () => {
  it("writes a day, with or without its weekday", () => {
    expect(formatDay("2026-12-06", "vi")).toBe("06/12/2026");
    expect(formatDay("2026-12-06", "en")).toBe("6 Dec 2026");
    expect(formatWeekday("2026-12-06", "vi")).toBe("Chủ nhật, 06/12/2026");
    expect(formatWeekday("2026-12-06", "en")).toBe("Sunday, 6 Dec 2026");
    expect(formatsFor("en").date("2026-11-29")).toBe("29 Nov 2026");
    expect(formatsFor("vi").weekday("2026-11-30")).toBe("thứ Hai, 30/11/2026");
    expect(formatDue("2026-11-30T10:00:00Z", "en")).toBe("17:00 Monday, 30 Nov 2026");
  });

  it("writes a moment in Vietnam's time, its day in the same style", () => {
    // 23:30 UTC on 1 December is 06:30 on 2 December in Vietnam.
    expect(formatMoment("2026-12-01T23:30:05Z", "vi")).toBe("06:30:05 02/12/2026");
    expect(formatMoment("2026-12-01T23:30:05Z", "en")).toBe("06:30:05, 2 Dec 2026");
    expect(formatsFor("en").moment(null)).toBe("");
  });
});
