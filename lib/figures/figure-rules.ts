import { daysBetween, formatDateVi } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { CEILING_NAMES, FIGURE_CHECKS } from "@/lib/i18n/messages/figure-checks";

// The rules a figure is checked by, wherever it comes from: typed into the entry form (in the
// browser, as the user types) or read from an imported file. Pure functions, so the browser,
// the server and the tests use the same ones. Each rule yields a finding; the form and the
// file report phrase it for their reader (a sentence under a cell, a "dòng N, cột C" line).

export const MAX_COUNT = 2_147_483_647;

export type CountProblem = "empty" | "negative" | "not-whole" | "too-large";

/** The marks a count's thousands are grouped with: "." in Vietnamese (1.234.567), "," in English. */
const GROUPING: Record<Locale, { group: RegExp; all: RegExp }> = {
  vi: { group: /^\d{1,3}([.\s\u00a0]\d{3})+$/, all: /[.\s\u00a0]/g },
  en: { group: /^\d{1,3}([,\s\u00a0]\d{3})+$/, all: /[,\s\u00a0]/g },
};

/**
 * A whole, non-negative count as a person writes it: "1234567", "1.234.567" and
 * "1 234 567" (a no-break space too) are the same count. Grouping must be in threes, so
 * "1.2.3" and "12.5" are refused rather than read as 123 and 125. In English the thousands
 * are grouped with commas ("1,234,567") and "88.700" is refused, as a decimal.
 */
export function parseCount(text: string, locale: Locale = "vi"): { value: number } | { problem: CountProblem } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "empty" };
  const negative = trimmed.startsWith("-");
  const body = negative ? trimmed.slice(1).trim() : trimmed;
  const grouped = GROUPING[locale].group.test(body);
  if (!grouped && !/^\d+$/.test(body)) return { problem: "not-whole" };
  const value = Number(body.replace(GROUPING[locale].all, ""));
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

const ceilingName = (code: string) => CEILING_NAMES[code]?.vi ?? `số liệu ${code}`;

/** The finding as a sentence under a cell of the entry form, in the form's language. */
export function formMessageIn(locale: Locale): (finding: FigureFinding) => string {
  const words = FIGURE_CHECKS;
  const count = (n: number) => formatsFor(locale).count(Math.round(n));
  return (finding) => {
    switch (finding.rule) {
      case "decrease":
        return words.decrease[locale](count(finding.previous.value));
      case "jump":
        return words.jump[locale](
          count(finding.weekly),
          Math.round(finding.weekly / Math.max(finding.usual, 1)),
          count(finding.usual),
        );
      case "above-ceiling":
        return words.aboveCeiling[locale](CEILING_NAMES[finding.of]?.[locale], finding.of, count(finding.ceiling));
    }
  };
}

/** The finding as a sentence under a cell of the entry form (Vietnamese). */
export const formMessage = formMessageIn("vi");

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

/** A count problem as a sentence under a cell of the entry form, in each language. */
const COUNT_PROBLEM_WORDS: Record<CountProblem, keyof typeof FIGURE_CHECKS> = {
  empty: "empty",
  negative: "negative",
  "not-whole": "notWhole",
  "too-large": "tooLarge",
};
const countProblemForm = (locale: Locale, problem: CountProblem) =>
  FIGURE_CHECKS[COUNT_PROBLEM_WORDS[problem]][locale] as string;

/** A count problem as a sentence under a cell of the entry form (Vietnamese). */
export const COUNT_PROBLEM_FORM: Record<CountProblem, string> = {
  empty: countProblemForm("vi", "empty"),
  negative: countProblemForm("vi", "negative"),
  "not-whole": countProblemForm("vi", "not-whole"),
  "too-large": countProblemForm("vi", "too-large"),
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
export function readTypedCount(text: string, locale: Locale = "vi"): { value: number | null; error: string | null } {
  const parsed = parseCount(text, locale);
  if ("value" in parsed) return { value: parsed.value, error: null };
  return parsed.problem === "empty"
    ? { value: null, error: null }
    : { value: null, error: countProblemForm(locale, parsed.problem) };
}

/**
 * A numerator and its denominator (RATIO, CHECKLIST) as typed: both or neither, and the
 * numerator never above the denominator. Null when the pair is fine.
 */
export function pairProblem(
  numerator: number | null,
  denominator: number | null,
  locale: Locale = "vi",
): string | null {
  if (numerator === null && denominator === null) return null;
  if (denominator === null) return FIGURE_CHECKS.needDenominator[locale];
  if (numerator === null) return FIGURE_CHECKS.needNumerator[locale];
  return numerator > denominator ? FIGURE_CHECKS.numeratorAbove[locale](formatsFor(locale).count(denominator)) : null;
}
