import { publicAnswer } from "@/lib/api/public-answer";
import { rankingCsv } from "@/lib/exports/ranking-csv";
import { editionNumber, parseEditionRankingParams } from "@/lib/publication/edition-query";
import { publishedRanking } from "@/lib/publication/read-editions";

// An edition's ranking as the people's CSV (the leaderboard's download, same columns), named
// by the edition: ban-cong-bo-12-bang-xep-hang-ngay-2026-12-06-CCCD_INTAKE-tinh.csv.
export function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  return publicAnswer(request, async (prisma) => {
    const number = editionNumber((await params).number);
    const { lang, ...key } = parseEditionRankingParams(new URL(request.url).searchParams);
    const ranking = await publishedRanking(prisma, number, key);
    const { fileName, text } = rankingCsv(ranking, undefined, lang);
    return new Response(text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="ban-cong-bo-${number}-${fileName}"`,
      },
    });
  });
}
