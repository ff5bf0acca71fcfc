import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { listUnits } from "@/lib/units/list-units";

// Public and read-only: the administrative units in force on a date.
export function GET(request: Request) {
  return publicAnswer(request, async (prisma) => {
    const list = await listUnits(prisma, new URL(request.url).searchParams);
    return respond(request, list, { name: `don-vi-${list.level}-${list.asOf}`, rows: list.items });
  });
}
