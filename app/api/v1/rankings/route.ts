import { handleApiError, respond } from "@/lib/api/respond";
import { db } from "@/lib/db/client";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import { parseRankingParams } from "@/lib/rankings/parse-ranking-query";

// Public and read-only: aggregates per unit, nothing personal.
export async function GET(request: Request) {
  try {
    const ranking = await getRankingCached(db(), parseRankingParams(new URL(request.url).searchParams));
    const rows = ranking.items.map(({ discrepancy, ...item }) => ({
      ...item,
      reported: discrepancy?.reported ?? null,
      childrenSum: discrepancy?.childrenSum ?? null,
    }));
    return respond(request, ranking, { name: `xep-hang-${ranking.indicator}-${ranking.asOf}`, rows });
  } catch (error) {
    return handleApiError(error);
  }
}
