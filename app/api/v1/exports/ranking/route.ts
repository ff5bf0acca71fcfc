import { publicAnswer } from "@/lib/api/public-answer";
import { rankingCsv, rankingWithMoves } from "@/lib/exports/ranking-csv";
import { clientAddress } from "@/lib/limits/client-address";
import { parseRankingCsvParams } from "@/lib/rankings/parse-ranking-query";

// The leaderboard's download for people (Vietnamese headers, numbers as shown; see
// lib/exports/ranking-csv.ts). Public and read-only like the ranking it is made of.
export function GET(request: Request) {
  return publicAnswer(request, async (prisma) => {
    const { query, locale } = parseRankingCsvParams(new URL(request.url).searchParams);
    const ranking = await rankingWithMoves(prisma, query, clientAddress(request.headers), request.signal);
    const { fileName, text } = rankingCsv(ranking, query.period, locale);
    return new Response(text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  });
}
