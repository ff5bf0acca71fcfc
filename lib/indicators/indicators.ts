import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";
import { isEntered } from "./indicator-kinds";

export type IndicatorRef = { id: number; code: string; kind: IndicatorKind; retiredOn: Date | null };

export const ZIndicatorCode = z.string().regex(/^[A-Z0-9_]{1,40}$/, "Mã chỉ tiêu không hợp lệ.");

/** Every indicator by code. */
export async function loadIndicators(db: Db): Promise<Map<string, IndicatorRef>> {
  const rows = await db.$queryRaw<IndicatorRef[]>`SELECT id, code, kind, retired_on AS "retiredOn" FROM indicator`;
  return new Map(rows.map((r) => [r.code, r]));
}

/** The indicator pages show when the address names none, or one that does not exist. */
export const DEFAULT_INDICATOR = "CCCD_INTAKE";

export type IndicatorChoice = {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: IndicatorKind;
  /** YYYY-MM-DD from which it is retired; null while in use. */
  retiredOn: string | null;
};

// Retirement is read here and nowhere else: lists, menus and entry forms show indicators in
// use; a retired one is still found by its code, so its old rankings keep opening.
const IN_USE = sql`retired_on IS NULL`;

/**
 * The indicators in use in the program's order, and the one an address asks for: the code it
 * names (in any case, retired too: it then joins the list, marked), else the default, else the
 * first. NotFoundError when none is in use.
 */
export async function pickIndicator(
  db: Db,
  asked: unknown,
): Promise<{ indicators: IndicatorChoice[]; indicator: IndicatorChoice }> {
  const code = typeof asked === "string" ? asked.trim().toUpperCase().slice(0, 40) : "";
  const indicators = await db.$queryRaw<IndicatorChoice[]>`
    SELECT id, code, name_vi AS name, name_en AS "nameEn", kind, to_char(retired_on, 'YYYY-MM-DD') AS "retiredOn"
    FROM indicator WHERE ${IN_USE} OR code = ${code} ORDER BY sort_order, code`;
  const indicator =
    indicators.find((i) => i.code === code) ??
    indicators.find((i) => i.code === DEFAULT_INDICATOR && !i.retiredOn) ??
    indicators.find((i) => !i.retiredOn);
  if (!indicator) throw new NotFoundError("Chưa có chỉ tiêu nào; quản trị Bộ định nghĩa chỉ tiêu tại trang Chỉ tiêu.");
  return { indicators: indicators.filter((i) => !i.retiredOn || i === indicator), indicator };
}

export type IndicatorListing = { code: string; nameVi: string; nameEn: string; kind: IndicatorKind };

/** The indicators in the program's order, for menus and filters: those in use, or (history) all. */
export async function listIndicators(db: Db, options: { retired?: boolean } = {}): Promise<IndicatorListing[]> {
  return db.$queryRaw<IndicatorListing[]>`
    SELECT code, name_vi AS "nameVi", name_en AS "nameEn", kind FROM indicator
    WHERE ${options.retired ? sql`TRUE` : IN_USE} ORDER BY sort_order, code`;
}

/**
 * The indicators an entry form asks for in a reporting week (a Sunday): those in use whose
 * figures people enter, from the week each applies from.
 */
export async function indicatorsEnteredIn(
  db: Db,
  week: Date,
): Promise<(IndicatorRef & { nameVi: string; nameEn: string })[]> {
  const rows = await db.$queryRaw<(IndicatorRef & { nameVi: string; nameEn: string })[]>`
    SELECT id, code, kind, name_vi AS "nameVi", name_en AS "nameEn", retired_on AS "retiredOn" FROM indicator
    WHERE ${IN_USE} AND (entered_from IS NULL OR entered_from <= ${week}::date)
    ORDER BY sort_order, code`;
  return rows.filter((i) => isEntered(i.kind));
}

export type IndicatorDefinitionListing = IndicatorListing & {
  numerator: string | null;
  denominator: string | null;
  components: { code: string; weight: number }[];
  bands: number[];
  /** YYYY-MM-DD, or null. */
  enteredFrom: string | null;
  retiredOn: string | null;
  retiredReason: string | null;
};

/** Every indicator (retired too) with how it is computed and when it is in use, for the indicators page. */
export async function listIndicatorDefinitions(db: Db): Promise<IndicatorDefinitionListing[]> {
  const rows = await db.$queryRaw<(IndicatorDefinitionListing & { bands: number[] | null })[]>`
    SELECT i.code, i.name_vi AS "nameVi", i.name_en AS "nameEn", i.kind,
           n.code AS numerator, d.code AS denominator, i.bands::float8[] AS bands,
           to_char(i.entered_from, 'YYYY-MM-DD') AS "enteredFrom", to_char(i.retired_on, 'YYYY-MM-DD') AS "retiredOn",
           i.retired_reason AS "retiredReason",
           COALESCE((SELECT json_agg(json_build_object('code', c.code, 'weight', ic.weight::float8) ORDER BY ic.sort_order)
                     FROM indicator_component ic JOIN indicator c ON c.id = ic.component_id
                     WHERE ic.composite_id = i.id), '[]'::json) AS components
    FROM indicator i LEFT JOIN indicator n ON n.id = i.numerator_id LEFT JOIN indicator d ON d.id = i.denominator_id
    ORDER BY i.sort_order, i.code`;
  return rows.map((r) => ({ ...r, bands: r.bands ?? [] }));
}
