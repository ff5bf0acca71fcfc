import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/db";
import type { IndicatorKind } from "@/lib/generated/prisma/enums";

export type IndicatorRef = { id: number; code: string; kind: IndicatorKind };

export const ZIndicatorCode = z.string().regex(/^[A-Z0-9_]{1,40}$/, "Mã chỉ tiêu không hợp lệ.");

/** Every indicator by code. */
export async function loadIndicators(db: Db): Promise<Map<string, IndicatorRef>> {
  const rows = await db.$queryRaw<IndicatorRef[]>`SELECT id, code, kind FROM indicator`;
  return new Map(rows.map((r) => [r.code, r]));
}

export type IndicatorListing = { code: string; nameVi: string; nameEn: string; kind: IndicatorKind };

/** Every indicator in the program's order, for menus and filters. */
export async function listIndicators(db: Db): Promise<IndicatorListing[]> {
  return db.$queryRaw<
    IndicatorListing[]
  >`SELECT code, name_vi AS "nameVi", name_en AS "nameEn", kind FROM indicator ORDER BY sort_order`;
}
