import { handleApiError, respond } from "@/lib/api/respond";
import { publicReadDb } from "@/lib/db/public-read";
import { getUnitSeries } from "@/lib/series/get-unit-series";

// Public and read-only: one unit's points over time for an indicator, and its targets.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { code } = await params;
    const series = await getUnitSeries(publicReadDb(request.headers), code, new URL(request.url).searchParams);
    return respond(request, series, { name: `chuoi-${series.code}-${series.indicator}`, rows: series.points });
  } catch (error) {
    return handleApiError(error);
  }
}
