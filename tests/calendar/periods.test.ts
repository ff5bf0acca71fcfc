import { describe, expect, it } from "vitest";
import { type Period, parsePeriod, previousPeriod, recentPeriods } from "@/lib/calendar/periods";
import { isoDate } from "@/lib/format/dates";
import { periodLabel } from "@/lib/i18n/period-label";

const span = (text: string) => {
  const p = parsePeriod(text) as Period;
  if ("problem" in p) throw new Error(String(p.problem));
  return [p.key, isoDate(p.start), isoDate(p.end)];
};

describe("the official reporting calendar", () => {
  it("cuts periods off on the 14th", () => {
    expect(span("month:2023-05")).toEqual(["month:2023-05", "2023-04-15", "2023-05-14"]);
    expect(span("month:2023-01")).toEqual(["month:2023-01", "2022-12-15", "2023-01-14"]);
    expect(span("quarter:2023-Q2")).toEqual(["quarter:2023-Q2", "2023-03-15", "2023-06-14"]);
    expect(span("quarter:2023-q1")).toEqual(["quarter:2023-Q1", "2022-12-15", "2023-03-14"]);
    expect(span("quarter:2023-Q4")).toEqual(["quarter:2023-Q4", "2023-09-15", "2023-12-14"]);
    expect(span("half:2023-H1")).toEqual(["half:2023-H1", "2022-12-15", "2023-06-14"]);
    expect(span("half:2023-H2")).toEqual(["half:2023-H2", "2023-06-15", "2023-12-14"]);
    expect(span("nine-months:2023")).toEqual(["nine-months:2023", "2022-12-15", "2023-09-14"]);
    expect(span("year:2023")).toEqual(["year:2023", "2022-12-15", "2023-12-14"]);
    expect(span("week:2023-05-14")).toEqual(["week:2023-05-14", "2023-05-08", "2023-05-14"]);
  });

  it("the period before is of the same kind, across year ends", () => {
    const previousOf = (text: string) => previousPeriod(parsePeriod(text) as Period).key;
    expect(previousOf("month:2023-01")).toBe("month:2022-12");
    expect(previousOf("month:2023-10")).toBe("month:2023-09");
    expect(previousOf("quarter:2023-Q1")).toBe("quarter:2022-Q4");
    expect(previousOf("half:2023-H1")).toBe("half:2022-H2");
    expect(previousOf("half:2023-H2")).toBe("half:2023-H1");
    expect(previousOf("nine-months:2023")).toBe("nine-months:2022");
    expect(previousOf("year:2023")).toBe("year:2022");
    expect(previousOf("week:2023-01-01")).toBe("week:2022-12-25");
  });

  it("the earliest periods a reader may name still have a period before", () => {
    const previousOf = (text: string) => {
      const before = previousPeriod(parsePeriod(text) as Period);
      return [before.key, isoDate(before.start), isoDate(before.end)];
    };
    expect(previousOf("week:1901-01-06")).toEqual(["week:1900-12-30", "1900-12-24", "1900-12-30"]);
    expect(previousOf("year:1901")).toEqual(["year:1900", "1899-12-15", "1900-12-14"]);
    expect(previousOf("month:1901-01")).toEqual(["month:1900-12", "1900-11-15", "1900-12-14"]);
    expect(previousOf("quarter:1901-Q1")).toEqual(["quarter:1900-Q4", "1900-09-15", "1900-12-14"]);
    expect(previousOf("half:1901-H1")).toEqual(["half:1900-H2", "1900-06-15", "1900-12-14"]);
    expect(previousOf("nine-months:1901")).toEqual(["nine-months:1900", "1899-12-15", "1900-09-14"]);
  });

  it("says what is wrong with a period it cannot read", () => {
    const problem = (text: string) => (parsePeriod(text) as { problem: string }).problem;
    expect(problem("month:2023-13")).toMatch(/không phải kỳ báo cáo; dùng week:YYYY-MM-DD/);
    expect(problem("quarter:2023-Q5")).toMatch(/không phải kỳ báo cáo/);
    expect(problem("week:2023-05-15")).toBe(
      "Tuần báo cáo được gọi theo ngày Chủ nhật kết thúc tuần; 15/05/2023 không phải Chủ nhật.",
    );
    expect(problem("year:0001")).toMatch(/Năm của kỳ báo cáo phải từ/);
    expect(problem("fortnight:2023")).toMatch(/không phải kỳ báo cáo/);
    expect(problem("x".repeat(5000))).toHaveLength(problem("x".repeat(40)).length);
  });
});

describe("periods to pick from", () => {
  it("lists those begun, newest first, each kind bounded, named in both languages", () => {
    const today = new Date("2026-12-03T00:00:00Z");
    const periods = recentPeriods(today);
    const months = periods.filter((p) => p.kind === "month").map((p) => p.key);
    // Month 12/2026 began on 15 November.
    expect(months.slice(0, 3)).toEqual(["month:2026-12", "month:2026-11", "month:2026-10"]);
    expect(months).toHaveLength(12);
    expect(periods.filter((p) => p.kind === "quarter").map((p) => p.key)[0]).toBe("quarter:2026-Q4");
    expect(periods.filter((p) => p.kind === "year").map((p) => p.key)).toEqual(["year:2026", "year:2025", "year:2024"]);
    expect(periods.every((p) => p.start <= today)).toBe(true);
    const label = (key: string, locale: "vi" | "en") => periodLabel(parsePeriod(key) as Period, locale);
    expect(label("quarter:2023-Q2", "vi")).toBe("Quý II/2023");
    expect(label("quarter:2023-Q2", "en")).toBe("Q2 2023");
    expect(label("month:2023-05", "vi")).toBe("Tháng 5/2023");
    expect(label("month:2023-05", "en")).toBe("May 2023");
    expect(label("half:2023-H1", "vi")).toBe("6 tháng đầu năm 2023");
    expect(label("nine-months:2023", "en")).toBe("Nine months of 2023");
  });
});
