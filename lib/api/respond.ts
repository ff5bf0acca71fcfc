import "server-only";
import { NextResponse } from "next/server";
import { answerOf, type ErrorCode } from "@/lib/errors";
import { FORMAT_QUERY, parseQuery } from "@/lib/params/query-params";
import { neutralizeFormula } from "@/lib/tables/formula-text";

type Cell = string | number | boolean | null;

/** JSON, or CSV of `rows` when the request asks for format=csv. */
export function respond(request: Request, body: unknown, csv: { name: string; rows: Record<string, Cell>[] }) {
  const format = parseQuery(FORMAT_QUERY, new URL(request.url).searchParams).format ?? "json";
  if (format === "csv") {
    return new NextResponse(toCsv(csv.rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csv.name}.csv"`,
      },
    });
  }
  return new NextResponse(serialized(body), { headers: { "content-type": "application/json" } });
}

// Remembered results (see cached-ranking.ts) come back as the same object: serialize once.
const serializedBodies = new WeakMap<object, string>();
function serialized(body: unknown): string {
  if (typeof body !== "object" || body === null) return JSON.stringify(body);
  let text = serializedBodies.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serializedBodies.set(body, text);
  }
  return text;
}

/** The body of every error answer: a stable code, the parameter at fault (if one is), a message for the user. */
export type ErrorBody = { error: { code: ErrorCode; param?: string; message: string } };

export function errorBody(code: ErrorCode, message: string, param?: string): ErrorBody {
  return { error: param === undefined ? { code, message } : { code, param, message } };
}

export function badRequest(param: string, message: string) {
  return NextResponse.json(errorBody("invalid_param", message, param), {
    status: 400,
    headers: { "cache-control": "no-store" },
  });
}

/**
 * Maps a wrong parameter to 400 naming it and the product's other errors to their status
 * (429 with Retry-After); anything else is logged and answered with a plain 500.
 */
export function handleApiError(error: unknown) {
  const answer = answerOf(error);
  if (answer) {
    // An error is about its own request: no cache keeps it.
    const headers: Record<string, string> =
      answer.retryAfterSeconds === undefined
        ? { "cache-control": "no-store" }
        : { "cache-control": "no-store", "retry-after": String(answer.retryAfterSeconds) };
    return NextResponse.json(errorBody(answer.code, answer.message, answer.param), {
      status: answer.status,
      headers,
    });
  }
  console.error(error);
  return NextResponse.json(errorBody("internal", "Lỗi máy chủ; vui lòng thử lại sau."), {
    status: 500,
    headers: { "cache-control": "no-store" },
  });
}

// A UTF-8 BOM so Excel opens Vietnamese names correctly.
export function toCsv(rows: Record<string, Cell>[]): string {
  if (rows.length === 0) return "\uFEFF";
  const header = Object.keys(rows[0] as object);
  const quote = (v: Cell) => {
    const text = v === null ? "" : typeof v === "string" ? neutralizeFormula(v) : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${[header.join(","), ...rows.map((r) => header.map((h) => quote(r[h] ?? null)).join(","))].join("\r\n")}\r\n`;
}
