import "server-only";
import { countProblemInFile, parseCount } from "@/lib/figures/figure-rules";
import { formatDateVi, parseTypedDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import type { IndicatorRef } from "@/lib/indicators/indicators";
import { levelOfCode } from "@/lib/units/codes";

/** A problem in an input file, located the way a spreadsheet user finds it. */
export type ImportProblem = { line: number; column: string; message: string };

export function formatProblem(p: ImportProblem): string {
  return `dòng ${p.line}, cột ${p.column}: ${p.message}`;
}

/** A report lists this many problems; the rest are counted (a file of bad rows must not become a huge answer). */
export const MAX_LISTED_PROBLEMS = 200;

export class ProblemList {
  /** The first MAX_LISTED_PROBLEMS problems, in file order. */
  readonly items: ImportProblem[] = [];
  /** All problems, listed or not. */
  count = 0;
  /** Records a problem; returns null so checks can `return problems.add(...)`. */
  add(line: number, column: string, message: string): null {
    this.count++;
    if (this.items.length < MAX_LISTED_PROBLEMS) this.items.push({ line, column, message });
    return null;
  }
}

/** The first problems of a list, with how many there are in all. */
export function listedProblems(all: ImportProblem[]): { items: ImportProblem[]; count: number } {
  return { items: all.slice(0, MAX_LISTED_PROBLEMS), count: all.length };
}

/** A whole, non-negative count (see parseCount); null, with the problem recorded, otherwise. */
export function checkCount(text: string, line: number, column: string, problems: ProblemList): number | null {
  const parsed = parseCount(text);
  if ("problem" in parsed) return problems.add(line, column, countProblemInFile(parsed.problem, text));
  return parsed.value;
}

/**
 * A share target in percent (80, 80,5, 80.5 or 80 %), above 0 and at most 100, with at most
 * two decimals: returned in hundredths of a percent (8050), as targets store shares.
 */
export function checkShare(text: string, line: number, column: string, problems: ProblemList): number | null {
  const cleaned = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (cleaned === "") return problems.add(line, column, "trống, cần tỷ lệ phần trăm (ví dụ 80 hoặc 80,5)");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned))
    return problems.add(
      line,
      column,
      `"${text.slice(0, 40)}" không phải tỷ lệ phần trăm (ví dụ 80 hoặc 80,5; tối đa 2 chữ số thập phân)`,
    );
  const hundredths = Math.round(Number(cleaned) * SHARE_TARGET_SCALE);
  if (hundredths <= 0 || hundredths > 100 * SHARE_TARGET_SCALE)
    return problems.add(line, column, `tỷ lệ ${text.trim()} phải lớn hơn 0 và không quá 100 %`);
  return hundredths;
}

/** Points of a published score (87,45 or 87.45, at most two decimals, at most 1000): in hundredths. */
export function checkPoints(text: string, line: number, column: string, problems: ProblemList): number | null {
  const cleaned = text.trim().replace(",", ".");
  if (cleaned === "") return problems.add(line, column, "trống, cần số điểm (ví dụ 87,45)");
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(cleaned) || Number(cleaned) > 1000)
    return problems.add(
      line,
      column,
      `"${text.slice(0, 40)}" không phải số điểm (từ 0 đến 1000, tối đa 2 chữ số thập phân)`,
    );
  return Math.round(Number(cleaned) * 100);
}

/** A date written YYYY-MM-DD or dd/mm/yyyy (as Vietnamese Excel writes it), optionally not after `latest`. */
export function checkDate(
  text: string,
  line: number,
  column: string,
  problems: ProblemList,
  latest?: Date,
): Date | null {
  if (text === "") return problems.add(line, column, "trống, cần ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy");
  const date = parseTypedDate(text);
  if (!date)
    return problems.add(line, column, `"${text.slice(0, 40)}" không phải ngày hợp lệ dạng YYYY-MM-DD hoặc dd/mm/yyyy`);
  if (latest && date > latest) {
    return problems.add(line, column, `${formatDateVi(date)} là ngày trong tương lai`);
  }
  return date;
}

type Period = { id: number; validFrom: Date; validTo: Date | null; name: string };

/** Finds the unit a code denotes on a date: a code is reused for different places over time. */
export class UnitResolver {
  private constructor(
    private readonly periods: Map<string, Period[]>,
    private readonly onlyIds?: Set<number>,
  ) {}

  /** `onlyIds`: the units a file may touch (a user's scope); others are reported as outside it. */
  static async load(prisma: PrismaClient, onlyIds?: Set<number>): Promise<UnitResolver> {
    const rows = await prisma.unit.findMany({
      select: { id: true, code: true, validFrom: true, validTo: true, name: true },
    });
    const periods = new Map<string, Period[]>();
    for (const r of rows) {
      const list = periods.get(r.code) ?? [];
      list.push(r);
      periods.set(r.code, list);
    }
    return new UnitResolver(periods, onlyIds);
  }

  resolve(code: string, on: Date, line: number, column: string, problems: ProblemList): number | null {
    if (code === "") return problems.add(line, column, "trống, cần mã đơn vị hành chính");
    if (!levelOfCode(code)) return problems.add(line, column, `"${code}" không phải mã đơn vị (2, 3 hoặc 5 chữ số)`);
    const periods = this.periods.get(code);
    if (!periods) return problems.add(line, column, `không có đơn vị mã ${code}`);
    const match = periods.find((p) => p.validFrom <= on && (p.validTo === null || p.validTo >= on));
    if (!match) {
      const spans = periods.map(
        (p) => `${p.name} ${formatDateVi(p.validFrom)}–${p.validTo ? formatDateVi(p.validTo) : "nay"}`,
      );
      return problems.add(line, column, `mã ${code} không có hiệu lực ngày ${formatDateVi(on)} (${spans.join("; ")})`);
    }
    if (this.onlyIds && !this.onlyIds.has(match.id)) {
      return problems.add(line, column, `${match.name} (mã ${code}) ngoài phạm vi tài khoản của bạn`);
    }
    return match.id;
  }
}

/**
 * The indicator a code names. `accepts` says which the file may hold (a figures file: those
 * entered or published, never one computed here): only those are offered when a code is wrong.
 */
export function checkIndicator(
  code: string,
  indicators: Map<string, IndicatorRef>,
  line: number,
  column: string,
  problems: ProblemList,
  accepts: (indicator: IndicatorRef) => boolean = () => true,
) {
  if (code === "") return problems.add(line, column, "trống, cần mã chỉ tiêu");
  const found = indicators.get(code.toUpperCase());
  if (!found || !accepts(found)) {
    const offered = [...indicators.values()].filter(accepts).map((i) => i.code);
    const why = found
      ? `chỉ tiêu "${code}" được tính từ chỉ tiêu khác, không nhập số liệu`
      : `không có chỉ tiêu "${code}"`;
    problems.add(line, column, `${why} (nhập được: ${offered.join(", ")})`);
    return null;
  }
  return found;
}
