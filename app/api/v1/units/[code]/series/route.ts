import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { getUnitSeries } from "@/lib/series/get-unit-series";

// Public and read-only: one unit's points over time for an indicator, and its targets.
export function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return publicAnswer(request, async (prisma) => {
    const { code } = await params;
    const series = await getUnitSeries(prisma, code, new URL(request.url).searchParams);
    return respond(request, series, { name: `chuoi-${series.code}-${series.indicator}`, rows: series.points });
  });
}
