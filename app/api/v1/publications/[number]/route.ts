import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { editionNumber } from "@/lib/publication/edition-query";
import { getEdition } from "@/lib/publication/read-editions";

// Public and read-only: one edition and its correction notices.
export function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  return publicAnswer(request, async (prisma) => {
    const number = editionNumber((await params).number);
    const edition = await getEdition(prisma, number);
    if (!edition) throw new NotFoundError(`Chưa có bản công bố số ${number}.`);
    const { notices, ...summary } = edition;
    const rows = notices.map((n) => ({
      week: n.week,
      unitCode: n.unitCode,
      unitName: n.unitName,
      indicator: n.indicator,
      oldValue: n.oldValue?.value ?? null,
      newValue: n.newValue?.value ?? null,
      changedBy: n.changedBy,
      changedAt: n.changedAt.toISOString(),
      reason: n.reason,
    }));
    return respond(request, { ...summary, notices: rows }, { name: `ban-cong-bo-${number}-dinh-chinh`, rows });
  });
}
