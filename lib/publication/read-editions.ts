import "server-only";
import type { Db } from "@/lib/db/db";
import { sql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { DEFAULT_INDICATOR } from "@/lib/indicators/indicators";
import type { Ranking, RankingItem } from "@/lib/rankings/ranking-types";
import type { Correction } from "./corrections";
import type { EditionKey } from "./edition-contents";

/** An edition as listed: its number, week (YYYY-MM-DD), when it was published and how many corrections it carries. */
export type EditionSummary = { number: number; week: string; publishedAt: Date; corrections: number };

/** A correction notice as an edition carries it. */
export type CorrectionNotice = Omit<Correction, "auditId">;

export type Edition = EditionSummary & { notices: CorrectionNotice[] };

const SUMMARY_COLUMNS = sql`p.number, to_char(p.week, 'YYYY-MM-DD') AS week, p.published_at AS "publishedAt",
  (SELECT count(*)::int FROM publication_correction c WHERE c.publication_id = p.id) AS corrections`;

/** Editions, newest first, a page at a time. */
export async function listEditions(db: Db, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db.$queryRaw<EditionSummary[]>`
      SELECT ${SUMMARY_COLUMNS} FROM publication p ORDER BY p.number DESC
      LIMIT ${page.limit}::int OFFSET ${page.offset}::int`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM publication`,
  ]);
  return { total: total[0]?.n ?? 0, items };
}

/** One edition with its correction notices (the latest when `number` is null); null when there is none. */
export async function getEdition(db: Db, number: number | null): Promise<Edition | null> {
  const [summary] = await db.$queryRaw<(EditionSummary & { id: number })[]>`
    SELECT p.id, ${SUMMARY_COLUMNS} FROM publication p
    WHERE p.number = COALESCE(${number}::int, (SELECT max(number) FROM publication))`;
  if (!summary) return null;
  const notices = await db.$queryRaw<CorrectionNotice[]>`
    SELECT to_char(week, 'YYYY-MM-DD') AS week, unit_code AS "unitCode", unit_name AS "unitName", indicator,
           indicator_name AS "indicatorName", indicator_name_en AS "indicatorNameEn", old_value AS "oldValue",
           new_value AS "newValue", changed_by AS "changedBy", changed_at AS "changedAt", reason
    FROM publication_correction WHERE publication_id = ${summary.id}::int ORDER BY position`;
  const { id: _, ...edition } = summary;
  return { ...edition, notices };
}

/**
 * One ranking of an edition exactly as it was published: a lookup of stored rows, nothing
 * computed. Null when the edition or that ranking does not exist.
 */
export async function editionRanking(db: Db, number: number, key: EditionKey): Promise<Ranking | null> {
  // The items come as one text, parsed once here: cheaper than a JSON value per row.
  const [row] = await db.$queryRaw<{ header: Omit<Ranking, "items">; items: string | null }[]>`
    SELECT r.header,
           (SELECT '[' || string_agg(i.item::text, ',' ORDER BY i.position) || ']' FROM publication_item i
            WHERE i.publication_id = r.publication_id AND i.indicator = r.indicator AND i.level = r.level
              AND i.parent = r.parent) AS items
    FROM publication p JOIN publication_ranking r ON r.publication_id = p.id
    WHERE p.number = ${number}::int AND r.indicator = ${key.indicator} AND r.level = ${key.level}
      AND r.parent = ${key.parent}`;
  return row ? { ...row.header, items: row.items ? (JSON.parse(row.items) as RankingItem[]) : [] } : null;
}

/** editionRanking, or NotFoundError (404) saying which of the edition and the ranking is missing. */
export async function publishedRanking(db: Db, number: number, key: EditionKey): Promise<Ranking> {
  const ranking = await editionRanking(db, number, key);
  if (ranking) return ranking;
  const [edition] = await db.$queryRaw<{ week: string }[]>`
    SELECT to_char(week, 'YYYY-MM-DD') AS week FROM publication WHERE number = ${number}::int`;
  if (!edition) throw new NotFoundError(`Chưa có bản công bố số ${number}.`);
  const where = key.parent ? ` thuộc ${key.parent}` : "";
  throw new NotFoundError(
    `Bản công bố số ${number} (tuần ${edition.week}) không có bảng xếp hạng ${key.indicator}, cấp ${key.level}${where}: các huyện và xã được xếp trong tỉnh của mình (parent là mã tỉnh).`,
  );
}

/** An edition's indicators and its provinces' ranking of the one asked (else the first). */
export async function publishedProvinces(db: Db, number: number, asked: string | undefined) {
  const indicators = await editionIndicators(db, number);
  const code = asked?.toUpperCase().slice(0, 40);
  const indicator =
    indicators.find((i) => i === code) ?? indicators.find((i) => i === DEFAULT_INDICATOR) ?? indicators[0];
  const ranking = indicator ? await editionRanking(db, number, { indicator, level: "province", parent: "" }) : null;
  return { indicators, ranking };
}

/** The indicators an edition ranks, in the order they were published. */
export async function editionIndicators(db: Db, number: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ indicator: string }[]>`
    SELECT r.indicator FROM publication p JOIN publication_ranking r ON r.publication_id = p.id
    LEFT JOIN indicator i ON i.code = r.indicator
    WHERE p.number = ${number}::int AND r.level = 'province' AND r.parent = ''
    ORDER BY i.sort_order, r.indicator`;
  return rows.map((r) => r.indicator);
}
