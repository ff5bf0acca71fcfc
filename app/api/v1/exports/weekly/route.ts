import { handleApiError } from "@/lib/api/respond";
import { publicReadDb } from "@/lib/db/public-read";
import { weeklyWorkbook } from "@/lib/exports/weekly-workbook";
import { todayInVietnam } from "@/lib/format/dates";
import { clientAddress } from "@/lib/http/front-door";
import { dateParam } from "@/lib/rankings/parse-ranking-query";

// Public and read-only like the rankings it is made of: aggregates per unit, nothing personal.
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const { fileName, body } = await weeklyWorkbook(
      publicReadDb(request.headers),
      {
        unit: params.get("unit")?.trim() || undefined,
        asOf: dateParam(params, "asOf") ?? todayInVietnam(),
      },
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
