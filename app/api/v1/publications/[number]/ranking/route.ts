import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { parsePageParams } from "@/lib/params/query-params";
import { editionNumber, parseEditionRankingParams } from "@/lib/publication/edition-query";
import { publishedRanking } from "@/lib/publication/read-editions";
import { rankingPage } from "@/lib/rankings/cached-ranking";

// Public and read-only: one ranking of an edition exactly as it was published, read from the
// stored rows (nothing is computed), a page at a time like GET /api/v1/rankings.
export function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  return publicAnswer(request, async (prisma) => {
    const number = editionNumber((await params).number);
    const search = new URL(request.url).searchParams;
    const key = parseEditionRankingParams(search);
    const ranking = await publishedRanking(prisma, number, key);
    const body = { edition: number, ...rankingPage(ranking, parsePageParams(search)) };
    const rows = body.items.map(({ discrepancy, components, ...item }) => ({
      ...item,
      reported: discrepancy?.reported ?? null,
      childrenSum: discrepancy?.childrenSum ?? null,
      ...Object.fromEntries((components ?? []).map((c) => [`points_${c.indicator}`, c.points])),
    }));
    return respond(request, body, { name: `ban-cong-bo-${number}-${ranking.indicator}-${ranking.level}`, rows });
  });
}
