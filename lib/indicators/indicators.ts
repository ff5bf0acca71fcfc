import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/db";
import { NotFoundError } from "@/lib/errors";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";

export type IndicatorRef = { id: number; code: string; kind: IndicatorKind };

export const ZIndicatorCode = z.string().regex(/^[A-Z0-9_]{1,40}$/, "Mã chỉ tiêu không hợp lệ.");

/** Every indicator by code. */
export async function loadIndicators(db: Db): Promise<Map<string, IndicatorRef>> {
  const rows = await db.$queryRaw<IndicatorRef[]>`SELECT id, code, kind FROM indicator`;
  return new Map(rows.map((r) => [r.code, r]));
}

/** The indicator pages show when the address names none, or one that does not exist. */
export const DEFAULT_INDICATOR = "CCCD_INTAKE";

export type IndicatorChoice = { id: number; code: string; name: string; nameEn: string; kind: IndicatorKind };

/**
 * Every indicator in the program's order, and the one an address asks for: the code it names
 * (in any case), else the default, else the first. NotFoundError when none is defined yet.
 */
export async function pickIndicator(
  db: Db,
  asked: unknown,
): Promise<{ indicators: IndicatorChoice[]; indicator: IndicatorChoice }> {
  const indicators = await db.$queryRaw<IndicatorChoice[]>`
    SELECT id, code, name_vi AS name, name_en AS "nameEn", kind FROM indicator ORDER BY sort_order, code`;
  const code = typeof asked === "string" ? asked.trim().toUpperCase() : "";
  const indicator =
    indicators.find((i) => i.code === code) ?? indicators.find((i) => i.code === DEFAULT_INDICATOR) ?? indicators[0];
  if (!indicator) throw new NotFoundError("Chưa có chỉ tiêu nào; quản trị Bộ định nghĩa chỉ tiêu tại trang Chỉ tiêu.");
  return { indicators, indicator };
}

export type IndicatorListing = { code: string; nameVi: string; nameEn: string; kind: IndicatorKind };

/** Every indicator in the program's order, for menus and filters. */
export async function listIndicators(db: Db): Promise<IndicatorListing[]> {
  return db.$queryRaw<
    IndicatorListing[]
  >`SELECT code, name_vi AS "nameVi", name_en AS "nameEn", kind FROM indicator ORDER BY sort_order`;
}

export type IndicatorDefinitionListing = IndicatorListing & {
  numerator: string | null;
  denominator: string | null;
  components: { code: string; weight: number }[];
  bands: number[];
};

/** Every indicator with how it is computed, for the indicators page. */
export async function listIndicatorDefinitions(db: Db): Promise<IndicatorDefinitionListing[]> {
  const rows = await db.$queryRaw<(IndicatorDefinitionListing & { bands: number[] | null })[]>`
    SELECT i.code, i.name_vi AS "nameVi", i.name_en AS "nameEn", i.kind,
           n.code AS numerator, d.code AS denominator, i.bands::float8[] AS bands,
           COALESCE((SELECT json_agg(json_build_object('code', c.code, 'weight', ic.weight::float8) ORDER BY ic.sort_order)
                     FROM indicator_component ic JOIN indicator c ON c.id = ic.component_id
                     WHERE ic.composite_id = i.id), '[]'::json) AS components
    FROM indicator i LEFT JOIN indicator n ON n.id = i.numerator_id LEFT JOIN indicator d ON d.id = i.denominator_id
    ORDER BY i.sort_order, i.code`;
  return rows.map((r) => ({ ...r, bands: r.bands ?? [] }));
}
