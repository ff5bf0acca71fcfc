import "server-only";
import { type Period, parsePeriod } from "@/lib/calendar/periods";
import { InvalidParamError } from "@/lib/errors";
import { FIRST_YEAR, formatDateVi, LAST_YEAR, parseIsoDate, todayInVietnam } from "@/lib/format/dates";

// Reading the parameters of an address: each wrong one throws InvalidParamError naming it
// and saying what to write instead.

/** A reporting period that has begun, or InvalidParamError naming `name` and what to write. */
export function periodParam(text: string, name: string): Period {
  const period = parsePeriod(text);
  if ("problem" in period) throw new InvalidParamError(name, period.problem);
  if (period.start > todayInVietnam())
    throw new InvalidParamError(name, `Kỳ ${period.key} bắt đầu ngày ${formatDateVi(period.start)}, chưa đến.`);
  return period;
}

/** A period is ranked as of its last day, or today while it is still running. */
export function periodAsOf(period: Period): Date {
  return new Date(Math.min(period.end.getTime(), todayInVietnam().getTime()));
}

export function dateParam(params: URLSearchParams, name: string): Date | undefined {
  const text = params.get(name)?.trim();
  if (!text) return undefined;
  const date = parseIsoDate(text);
  if (!date)
    throw new InvalidParamError(
      name,
      `${name} phải là ngày dạng YYYY-MM-DD, năm ${FIRST_YEAR}–${LAST_YEAR} (nhận "${text.slice(0, 40)}").`,
    );
  return date;
}

export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;

/** `limit` and `offset` of a long list: whole numbers, the page at most MAX_PAGE_SIZE. */
export function parsePageParams(params: URLSearchParams): { limit: number; offset: number } {
  const limit = wholeNumber(params, "limit") ?? DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_PAGE_SIZE)
    throw new InvalidParamError("limit", `limit phải từ 1 đến ${MAX_PAGE_SIZE} (nhận ${limit}).`);
  return { limit, offset: wholeNumber(params, "offset") ?? 0 };
}

function wholeNumber(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name)?.trim();
  if (!text) return undefined;
  if (!/^\d{1,9}$/.test(text))
    throw new InvalidParamError(name, `${name} phải là số nguyên không âm (nhận "${text.slice(0, 20)}").`);
  return Number(text);
}
