import { addDays, FIRST_YEAR, formatDateVi, isoDate, LAST_YEAR, parseIsoDate } from "@/lib/format/dates";

// The official reporting calendar (Nghị định 09/2019/NĐ-CP, art. 12): periodic reports cut
// off on the 14th. A month runs from the 15th of the month before to the 14th; a quarter
// from the 15th of the month before it to the 14th of its last month; six months 15/12–14/6
// (and 15/6–14/12); nine months 15/12–14/9; a year 15/12–14/12. A week is the reporting
// week, Monday to the Sunday its figures are dated.

export type PeriodKind = "week" | "month" | "quarter" | "half" | "nine-months" | "year";

export type Period = {
  kind: PeriodKind;
  /** As written: "month:2023-05", "quarter:2023-Q2", "week:2023-05-14". */
  key: string;
  /** First and last day, inclusive (UTC midnight). */
  start: Date;
  end: Date;
};

/** Periods looked back for a scorecard leader's run at the top: a longer run reads "≥ 52". */
export const MAX_PERIODS_AT_TOP = 52;

export const PERIOD_FORMS =
  "week:YYYY-MM-DD (Chủ nhật), month:YYYY-MM, quarter:YYYY-Q1…Q4, half:YYYY-H1|H2, nine-months:YYYY, year:YYYY";

const day = (year: number, monthIndex: number, date: number) => new Date(Date.UTC(year, monthIndex, date));

function period(kind: PeriodKind, key: string, start: Date, end: Date): Period {
  return { kind, key: `${kind}:${key}`, start, end };
}

function yearOk(year: number): boolean {
  return year > FIRST_YEAR && year < LAST_YEAR;
}

/** The period `text` names, or a message saying what is wrong with it. */
export function parsePeriod(text: string): Period | { problem: string } {
  const bad = { problem: `"${text.slice(0, 40)}" không phải kỳ báo cáo; dùng ${PERIOD_FORMS}.` };
  const match = /^([a-z-]+):(.+)$/.exec(text.trim().toLowerCase());
  if (!match) return bad;
  const [, kind, rest] = match as unknown as [string, string, string];
  if (kind !== "week" && (!/^\d{4}/.test(rest) || !yearOk(Number(rest.slice(0, 4)))))
    return {
      problem: `Năm của kỳ báo cáo phải từ ${FIRST_YEAR + 1} đến ${LAST_YEAR - 1} (nhận "${text.slice(0, 40)}").`,
    };
  if (kind === "week") {
    const sunday = parseIsoDate(rest);
    if (!sunday || !yearOk(sunday.getUTCFullYear())) return bad;
    if (sunday.getUTCDay() !== 0)
      return {
        problem: `Tuần báo cáo được gọi theo ngày Chủ nhật kết thúc tuần; ${formatDateVi(sunday)} không phải Chủ nhật.`,
      };
  }
  return spanOf(kind, rest) ?? bad;
}

/**
 * The days a well-formed key covers, or null when `rest` is not of its kind's form. Years are
 * not bounded here: the period before the first one a reader may ask for still has its days.
 */
function spanOf(kind: string, rest: string): Period | null {
  const year = Number(rest.slice(0, 4));
  switch (kind) {
    case "week": {
      const sunday = /^\d{4}-\d{2}-\d{2}$/.test(rest) ? new Date(`${rest}T00:00:00Z`) : null;
      if (!sunday || Number.isNaN(sunday.getTime()) || isoDate(sunday) !== rest) return null;
      return period("week", rest, addDays(sunday, -6), sunday);
    }
    case "month": {
      const m = /^\d{4}-(0[1-9]|1[0-2])$/.exec(rest);
      if (!m) return null;
      const month = Number(m[1]);
      return period("month", rest, day(year, month - 2, 15), day(year, month - 1, 14));
    }
    case "quarter": {
      const q = /^\d{4}-q([1-4])$/i.exec(rest);
      if (!q) return null;
      const n = Number(q[1]);
      return period("quarter", `${year}-Q${n}`, day(year, 3 * n - 4, 15), day(year, 3 * n - 1, 14));
    }
    case "half": {
      const h = /^\d{4}-h([12])$/i.exec(rest);
      if (!h) return null;
      return h[1] === "1"
        ? period("half", `${year}-H1`, day(year - 1, 11, 15), day(year, 5, 14))
        : period("half", `${year}-H2`, day(year, 5, 15), day(year, 11, 14));
    }
    case "nine-months":
      return /^\d{4}$/.test(rest) ? period("nine-months", rest, day(year - 1, 11, 15), day(year, 8, 14)) : null;
    case "year":
      return /^\d{4}$/.test(rest) ? period("year", rest, day(year - 1, 11, 15), day(year, 11, 14)) : null;
    default:
      return null;
  }
}

/** A period as pages show it: its kind and key, and its first and last days as YYYY-MM-DD. */
export type ShownPeriod = { kind: PeriodKind; key: string; start: string; end: string };

export function shownPeriod(p: Period): ShownPeriod {
  return { kind: p.kind, key: p.key, start: isoDate(p.start), end: isoDate(p.end) };
}

/** The period before, of the same kind: what "period over period" compares against. */
export function previousPeriod(p: Period): Period {
  const [, rest] = p.key.split(":") as [string, string];
  const year = Number(rest.slice(0, 4));
  // Built, not parsed: the period before the earliest one a reader may name lies outside the
  // years a reader may write, and is still compared against.
  const again = (key: string) => spanOf(p.kind, key) as Period;
  switch (p.kind) {
    case "week":
      return again(isoDate(addDays(p.end, -7)));
    case "month": {
      const month = Number(rest.slice(5, 7));
      return again(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`);
    }
    case "quarter": {
      const n = Number(rest.slice(6));
      return again(n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`);
    }
    case "half":
      return again(rest.endsWith("H2") ? `${year}-H1` : `${year - 1}-H2`);
    default:
      return again(String(year - 1));
  }
}

/**
 * The periods a reader picks from, newest first: those begun by `today` among the last 12
 * months, 8 quarters, 4 halves, 3 nine-month spans and 3 years.
 */
export function recentPeriods(today: Date): Period[] {
  const year = today.getUTCFullYear() + 1; // the reporting year that began on 15 December
  const keys: string[] = [];
  for (let i = 0; i < 14; i++) {
    // From next month (it begins on the 15th of this one) back.
    const first = day(today.getUTCFullYear(), today.getUTCMonth() + 1 - i, 1);
    keys.push(`month:${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  for (let y = year; y > year - 4; y--) {
    for (let q = 4; q >= 1; q--) keys.push(`quarter:${y}-Q${q}`);
    keys.push(`half:${y}-H2`, `half:${y}-H1`, `nine-months:${y}`, `year:${y}`);
  }
  const begun = keys.map((key) => parsePeriod(key)).filter((p): p is Period => !("problem" in p) && p.start <= today);
  const limits: Record<PeriodKind, number> = { week: 0, month: 12, quarter: 8, half: 4, "nine-months": 3, year: 3 };
  const seen = new Set<string>();
  return begun
    .sort((a, b) => b.start.getTime() - a.start.getTime() || b.end.getTime() - a.end.getTime())
    .filter((p) => {
      if (seen.has(p.key)) return false;
      seen.add(p.key);
      limits[p.kind]--;
      return limits[p.kind] >= 0;
    });
}
