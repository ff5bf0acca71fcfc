import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { clientAddress } from "@/lib/limits/client-address";
import { parsePageParams } from "@/lib/params/query-params";
import { refuseLiveForAnonymous } from "@/lib/rankings/basis-access";
import { getRankingCached, rankingPage } from "@/lib/rankings/cached-ranking";
import { parseRankingParams } from "@/lib/rankings/parse-ranking-query";

// Public and read-only: aggregates per unit, nothing personal. Official figures (approved
// weeks) by default; basis=live only for a signed-in caller. Long rankings (thousands of
// communes) come a page at a time: `limit` (default 1000) items from `offset`, of `total`.
// With an ETag per data version and address; If-None-Match answers 304 without ranking again.
export function GET(request: Request) {
  return publicAnswer(request, async (prisma) => {
    const params = new URL(request.url).searchParams;
    const query = parseRankingParams(params);
    // Only the live basis needs to know who asks (the official one is public); without a
    // cookie nobody is signed in, and the sign-in code is not even loaded.
    if (query.basis === "live") refuseLiveForAnonymous(await signedInCaller(request), query.basis);
    const page = parsePageParams(params);
    const ranking = await getRankingCached(prisma, query, clientAddress(request.headers), request.signal);
    const body = rankingPage(ranking, page);
    // CSV is flat: a scorecard's components become one points_<CODE> column each.
    const rows = body.items.map(({ discrepancy, components, ...item }) => ({
      ...item,
      reported: discrepancy?.reported ?? null,
      childrenSum: discrepancy?.childrenSum ?? null,
      ...Object.fromEntries((components ?? []).map((c) => [`points_${c.indicator}`, c.points])),
    }));
    return respond(request, body, { name: `xep-hang-${ranking.indicator}-${ranking.asOf}`, rows });
  });
}

async function signedInCaller(request: Request) {
  if (!request.headers.get("cookie")) return null;
  const { currentActor } = await import("@/lib/auth/current-user");
  return currentActor();
}
