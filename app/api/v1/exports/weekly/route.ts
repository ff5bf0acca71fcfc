import { handleApiError } from "@/lib/api/respond";
import { publicReadDb } from "@/lib/db/public-read";
import { weeklyWorkbook } from "@/lib/exports/weekly-workbook";
import { clientAddress } from "@/lib/limits/client-address";
import { parseWeeklyExportParams } from "@/lib/rankings/parse-ranking-query";

// Public and read-only like the rankings it is made of: aggregates per unit, nothing personal.
// `period=` (month:2023-05, quarter:2023-Q2, …) instead of asOf gives a reporting period's report.
export async function GET(request: Request) {
  try {
    const query = parseWeeklyExportParams(new URL(request.url).searchParams);
    const { fileName, body } = await weeklyWorkbook(
      publicReadDb(request.headers),
      query,
      clientAddress(request.headers),
    );
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  } catch (error) {
    return handleApiError(error);
  }
}
