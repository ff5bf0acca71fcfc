import "server-only";
import { createHash } from "node:crypto";
import { InvalidParamError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import type { Ranking } from "@/lib/rankings/ranking-types";
import { inForceOn } from "@/lib/units/in-force";
import { LEVEL_NAMES } from "@/lib/units/levels";
import { officialRankingForEdition } from "./official-ranking";

/** Where an edition's ranking sits: an indicator, a level and its parent ('' for the country). */
export type EditionKey = { indicator: string; level: "province" | "district" | "commune"; parent: string };
export type EditionRanking = EditionKey & { ranking: Ranking };

/** Rankings computed at once while publishing: each holds one connection and its rows. */
const AT_ONCE = 2;

/**
 * Everything an edition of `week` holds: for every indicator in use that week, the provinces of
 * the country, and in each province its districts (while there were districts) and its
 * communes, in the structure in force that week. Ranks are among siblings, as the product
 * shows them: provinces nationally, districts and communes within their province.
 */
export async function editionContents(prisma: PrismaClient, week: Date): Promise<EditionRanking[]> {
  const [indicators, provinces] = await Promise.all([
    prisma.$queryRaw<{ code: string }[]>`
      SELECT code FROM indicator
      WHERE (retired_on IS NULL OR retired_on > ${week}::date) AND (entered_from IS NULL OR entered_from <= ${week}::date)
      ORDER BY sort_order, code`,
    prisma.$queryRaw<{ code: string; districts: boolean }[]>`
      SELECT p.code, EXISTS (SELECT 1 FROM unit d WHERE d.parent_id = p.id AND d.level = 'DISTRICT' AND ${inForceOn("d", week)}) AS districts
      FROM unit p WHERE p.level = 'PROVINCE' AND ${inForceOn("p", week)} ORDER BY p.code`,
  ]);
  const wanted: { indicator: string; level: UnitLevel; parent?: string }[] = [];
  for (const { code } of indicators) {
    wanted.push({ indicator: code, level: "PROVINCE" });
    for (const province of provinces) {
      if (province.districts) wanted.push({ indicator: code, level: "DISTRICT", parent: province.code });
      wanted.push({ indicator: code, level: "COMMUNE", parent: province.code });
    }
  }
  const results: (EditionRanking | null)[] = new Array(wanted.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const i = next++;
      const { indicator, level, parent } = wanted[i] as (typeof wanted)[number];
      const ranking = await officialRankingForEdition(prisma, { indicator, level, parent, asOf: week }).catch(
        (error: unknown) => {
          // An indicator not ranked on this date (a scorecard without components, say) is left out.
          if (error instanceof InvalidParamError) return null;
          throw error;
        },
      );
      // A province without communes in force (the demo's provinces only, say) has nothing to rank.
      if (ranking?.items.length) results[i] = { indicator, level: LEVEL_NAMES[level], parent: parent ?? "", ranking };
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return results.filter((r): r is EditionRanking => r !== null);
}

/** A digest of the rankings as they would be stored: equal digests, nothing changed. */
export function contentHash(rankings: EditionRanking[]): string {
  const hash = createHash("sha256");
  for (const r of rankings) hash.update(JSON.stringify([r.indicator, r.level, r.parent, r.ranking]));
  return hash.digest("hex");
}
