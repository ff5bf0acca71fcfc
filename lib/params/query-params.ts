import "server-only";
import { z } from "zod";
import { PERIOD_FORMS, type Period, parsePeriod } from "@/lib/calendar/periods";
import { InvalidParamError } from "@/lib/errors";
import { FIRST_YEAR, formatDateVi, LAST_YEAR, parseIsoDate, todayInVietnam } from "@/lib/format/dates";

// Reading the parameters of an address: each wrong one throws InvalidParamError naming it
// and saying what to write instead. Each query is a zod object of its parameters' texts
// (undefined when absent): the same schema parses the query and, turned into JSON Schema,
// documents it (lib/api/openapi-document.ts), so the two cannot drift apart.

/** The parameters of one address's query, each read from its text (undefined when absent). */
export type QuerySchema = z.ZodObject<Record<string, z.ZodType<unknown, string | undefined>>>;

/**
 * Reads `schema`'s parameters from `params`. The first wrong one, in the schema's order,
 * throws InvalidParamError naming it; a rule about two parameters together (marked
 * `combination`) is told before what is wrong with either of them.
 */
export function parseQuery<S extends QuerySchema>(schema: S, params: URLSearchParams): z.output<S> {
  const names = Object.keys(schema.shape);
  const result = schema.safeParse(Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined])));
  if (result.success) return result.data;
  const place = (issue: z.core.$ZodIssue) =>
    names.indexOf(String(issue.path[0])) * 2 + (issue.code === "custom" && issue.params?.combination ? 0 : 1);
  const [first] = [...result.error.issues].sort((a, b) => place(a) - place(b));
  throw new InvalidParamError(String(first?.path[0] ?? "query"), first?.message ?? "Tham số không hợp lệ.");
}

/** A parameter's text, trimmed; absent when empty. */
export function optionalText(description: string) {
  return z
    .string()
    .optional()
    .transform((text) => text?.trim() || undefined)
    .meta({ description });
}

/** A parameter that must be given; `missing` says what to write when it is not. */
export function requiredText(missing: string, description: string) {
  return z
    .string({ error: missing })
    .transform((text, ctx) => {
      const trimmed = text.trim();
      if (trimmed) return trimmed;
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    })
    .meta({ description });
}

/** What a parameter's text says is wrong with it. */
type Refusal = { problem: string };

/**
 * An optional parameter read from its trimmed text (absent when empty): `read` gives its
 * value, or a Refusal whose problem becomes the parameter's message.
 */
function readText<T>(read: (text: string) => T | Refusal) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw?.trim();
      if (!text) return undefined;
      const value = read(text);
      if (typeof value !== "object" || value === null || !("problem" in value)) return value as T;
      ctx.addIssue({ code: "custom", message: value.problem });
      return z.NEVER;
    });
}

/** A day written YYYY-MM-DD (FIRST_YEAR–LAST_YEAR); absent when empty. */
export function dateField(name: string, description: string) {
  return readText(
    (text) =>
      parseIsoDate(text) ?? {
        problem: `${name} phải là ngày dạng YYYY-MM-DD, năm ${FIRST_YEAR}–${LAST_YEAR} (nhận "${text.slice(0, 40)}").`,
      },
  ).meta({ format: "date", description });
}

/** A reporting period that has begun (lib/calendar/periods.ts); absent when empty. */
export function periodField(description: string) {
  return readText((text) => {
    const period = parsePeriod(text);
    if ("problem" in period || period.start <= todayInVietnam()) return period;
    return { problem: `Kỳ ${period.key} bắt đầu ngày ${formatDateVi(period.start)}, chưa đến.` };
  }).meta({ description: `${description} Dạng: ${PERIOD_FORMS}.`, examples: ["month:2023-05", "quarter:2023-Q2"] });
}

/** A reporting period that has begun, or InvalidParamError naming `name` and what to write. */
export function periodParam(text: string, name: string): Period {
  const query = z.object({ [name]: periodField("") });
  const period = parseQuery(query, new URLSearchParams([[name, text]]))[name] as Period | undefined;
  if (period) return period;
  const blank = parsePeriod(text); // nothing written: the same message as any other wrong text
  throw new InvalidParamError(name, "problem" in blank ? blank.problem : `Thiếu tham số ${name}.`);
}

/** A period is ranked as of its last day, or today while it is still running. */
export function periodAsOf(period: Period): Date {
  return new Date(Math.min(period.end.getTime(), todayInVietnam().getTime()));
}

export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;

function wholeNumber(name: string, description: string) {
  return readText((text) =>
    /^\d{1,9}$/.test(text)
      ? Number(text)
      : { problem: `${name} phải là số nguyên không âm (nhận "${text.slice(0, 20)}").` },
  ).meta({ description, pattern: "^\\s*\\d{1,9}\\s*$" });
}

/** `limit` and `offset` of a long list: whole numbers, the page at most MAX_PAGE_SIZE. */
export const PAGE_QUERY = z.object({
  limit: wholeNumber("limit", `Số dòng của trang, từ 1 đến ${MAX_PAGE_SIZE} (mặc định ${DEFAULT_PAGE_SIZE}).`).refine(
    (limit) => limit === undefined || (limit >= 1 && limit <= MAX_PAGE_SIZE),
    { error: (issue) => `limit phải từ 1 đến ${MAX_PAGE_SIZE} (nhận ${issue.input}).` },
  ),
  offset: wholeNumber("offset", "Bỏ qua bấy nhiêu dòng đầu (mặc định 0)."),
});

export function parsePageParams(params: URLSearchParams): { limit: number; offset: number } {
  const { limit, offset } = parseQuery(PAGE_QUERY, params);
  return { limit: limit ?? DEFAULT_PAGE_SIZE, offset: offset ?? 0 };
}

/** `format`: JSON (the default) or CSV. */
export const FORMAT_QUERY = z.object({
  format: z
    .enum(["json", "csv"], { error: "format phải là json hoặc csv." })
    .optional()
    .meta({ description: "json (mặc định) hoặc csv (UTF-8 có BOM, cho Excel)." }),
});
