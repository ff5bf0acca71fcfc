import { daysBetween, formatDateVi } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";

// The rules a figure is checked by, wherever it comes from: typed into the entry form (in the
// browser, as the user types) or read from an imported file. Pure functions, so the browser,
// the server and the tests use the same ones. Each rule yields a finding; the form and the
// file report phrase it for their reader (a sentence under a cell, a "dòng N, cột C" line).

export const MAX_COUNT = 2_147_483_647;

export type CountProblem = "empty" | "negative" | "not-whole" | "too-large";

/**
 * A whole, non-negative count as a person writes it: "1234567", "1.234.567" and
 * "1 234 567" (a no-break space too) are the same count. Grouping must be in threes, so
 * "1.2.3" and "12.5" are refused rather than read as 123 and 125.
 */
export function parseCount(text: string): { value: number } | { problem: CountProblem } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "empty" };
  const negative = trimmed.startsWith("-");
  const body = negative ? trimmed.slice(1).trim() : trimmed;
  const grouped = /^\d{1,3}([.\s\u00a0]\d{3})+$/.test(body);
  if (!grouped && !/^\d+$/.test(body)) return { problem: "not-whole" };
  const value = Number(body.replace(/[.\s\u00a0]/g, ""));
  if (negative && value !== 0) return { problem: "negative" };
  if (value > MAX_COUNT) return { problem: "too-large" };
  return { value };
}

export type Point = { asOf: Date; value: number };

/** How many earlier points the usual weekly increase is taken over. */
export const HISTORY_POINTS = 8;
/** A weekly increase this many times the usual one is worth a second look. */
const JUMP_FACTOR = 4;
/** ...and at least this much above it, so tiny communes going from 2 to 9 a week are not flagged. */
const JUMP_MIN = 50;

/** The increase per week between two points (at least a week apart for the division). */
export function weeklyRate(from: Point, to: Point): number {
  const weeks = Math.max(1, daysBetween(from.asOf, to.asOf)) / 7;
  return (to.value - from.value) / weeks;
}

/**
 * The unit's usual weekly increase: the median weekly rate over its last HISTORY_POINTS
 * points (oldest first); null with fewer than three increases to judge by.
 */
export function usualWeeklyIncrease(points: Point[]): number | null {
  const recent = points.slice(-HISTORY_POINTS);
  const rates: number[] = [];
  for (let i = 1; i < recent.length; i++) rates.push(weeklyRate(recent[i - 1] as Point, recent[i] as Point));
  if (rates.length < 3) return null;
  rates.sort((a, b) => a - b);
  const mid = Math.floor(rates.length / 2);
  return rates.length % 2 ? (rates[mid] as number) : ((rates[mid - 1] as number) + (rates[mid] as number)) / 2;
}

export type FigureFinding =
  | { rule: "decrease"; previous: Point; value: number }
  | { rule: "jump"; weekly: number; usual: number }
  | { rule: "above-ceiling"; of: string; ceiling: number };

export type FigureFacts = {
  value: number;
  asOf: Date;
  cumulative: boolean;
  /** The unit's latest earlier point of the indicator, if any. */
  previous: Point | null;
  /** usualWeeklyIncrease over the points up to and including `previous`. */
  usual: number | null;
  /** For a figure with a ceiling (AT_MOST): that indicator's figure in the same unit on the same date. */
  ceiling: { of: string; value: number } | null;
};

/** Warnings worth a second look; none of them blocks saving or importing. */
export function figureFindings(facts: FigureFacts): FigureFinding[] {
  const { value, previous, usual } = facts;
  const findings: FigureFinding[] = [];
  if (previous && facts.cumulative && value < previous.value) findings.push({ rule: "decrease", previous, value });
  else if (previous && facts.cumulative && usual !== null) {
    const weekly = weeklyRate(previous, { asOf: facts.asOf, value });
    if (weekly > usual * JUMP_FACTOR && weekly - usual >= JUMP_MIN) findings.push({ rule: "jump", weekly, usual });
  }
  if (facts.ceiling !== null && value > facts.ceiling.value)
    findings.push({ rule: "above-ceiling", of: facts.ceiling.of, ceiling: facts.ceiling.value });
  return findings;
}

/**
 * Indicators whose figure should not exceed another's in the same unit and date (a warning:
 * intake above the eligible citizens, accounts activated above the applications received).
 */
export const AT_MOST: Record<string, string> = { CCCD_INTAKE: "CCCD_ELIGIBLE", VNEID_L2_ACTIVATED: "VNEID_L2_INTAKE" };

/** What each ceiling is called in a warning. */
const CEILING_NAMES: Record<string, string> = {
  CCCD_ELIGIBLE: "số công dân đủ điều kiện",
  VNEID_L2_INTAKE: "số hồ sơ định danh điện tử mức 2 đã thu nhận",
};
const ceilingName = (code: string) => CEILING_NAMES[code] ?? `số liệu ${code}`;

const count = (n: number) => formatCount(Math.round(n));

/** The finding as a sentence under a cell of the entry form. */
export function formMessage(finding: FigureFinding): string {
  switch (finding.rule) {
    case "decrease":
      return `Thấp hơn tuần trước (${count(finding.previous.value)}), nhưng đây là số cộng dồn.`;
    case "jump":
      return `Tăng ${count(finding.weekly)}/tuần, gấp ${Math.round(finding.weekly / Math.max(finding.usual, 1))} lần mức thường (${count(finding.usual)}/tuần).`;
    case "above-ceiling":
      return `Vượt ${ceilingName(finding.of)} (${count(finding.ceiling)}).`;
  }
}

/** The finding as a line of an import report ("dòng N, cột value: …"). */
export function fileMessage(finding: FigureFinding): string {
  switch (finding.rule) {
    case "decrease":
      return `số cộng dồn giảm từ ${finding.previous.value} (ngày ${formatDateVi(finding.previous.asOf)}) xuống ${finding.value}`;
    case "jump":
      return `tăng ${Math.round(finding.weekly)}/tuần, cao bất thường so với mức thường ${Math.round(finding.usual)}/tuần`;
    case "above-ceiling":
      return `vượt ${ceilingName(finding.of)} (${finding.ceiling}) của đơn vị cùng ngày`;
  }
}

/** A count problem as a sentence under a cell of the entry form. */
export const COUNT_PROBLEM_FORM: Record<CountProblem, string> = {
  empty: "Nhập một số nguyên ≥ 0.",
  negative: "Không được âm.",
  "not-whole": "Chỉ nhập số nguyên ≥ 0.",
  "too-large": "Số quá lớn.",
};

/** A count problem as a line of an import report, naming what the file holds. */
export function countProblemInFile(problem: CountProblem, text: string): string {
  switch (problem) {
    case "empty":
      return "trống, cần một số nguyên ≥ 0";
    case "negative":
      return `${text} là số âm, cần ≥ 0`;
    case "not-whole":
      return `"${text}" không phải số nguyên ≥ 0`;
    case "too-large":
      return `${text} quá lớn`;
  }
}

/** What a user typed into a cell: a count, nothing yet (null, no error), or the sentence saying what to fix. */
export function readTypedCount(text: string): { value: number | null; error: string | null } {
  const parsed = parseCount(text);
  if ("value" in parsed) return { value: parsed.value, error: null };
  return parsed.problem === "empty"
    ? { value: null, error: null }
    : { value: null, error: COUNT_PROBLEM_FORM[parsed.problem] };
}

/**
 * A numerator and its denominator (RATIO, CHECKLIST) as typed: both or neither, and the
 * numerator never above the denominator. Null when the pair is fine.
 */
export function pairProblem(numerator: number | null, denominator: number | null): string | null {
  if (numerator === null && denominator === null) return null;
  if (denominator === null) return "Nhập cả mẫu số.";
  if (numerator === null) return "Nhập cả tử số.";
  return numerator > denominator ? `Tử số lớn hơn mẫu số (${formatCount(denominator)}).` : null;
}
