import { handleApiError, respond } from "@/lib/api/respond";
import { publicReadDb } from "@/lib/db/public-read";
import { listUnits } from "@/lib/units/list-units";

// Public and read-only: the administrative units in force on a date.
export async function GET(request: Request) {
  try {
    const list = await listUnits(publicReadDb(request.headers), new URL(request.url).searchParams);
    return respond(request, list, { name: `don-vi-${list.level}-${list.asOf}`, rows: list.items });
  } catch (error) {
    return handleApiError(error);
  }
}
