import { publicAnswer } from "@/lib/api/public-answer";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { parseLocale } from "@/lib/i18n/locale";
import { drawShareCard, shareCardContent } from "@/lib/share-card/share-card";

type Context = { params: Promise<{ code: string }> };

// A unit's share card: the picture a link preview or a chat group shows, drawn on the server
// from the same figures as the unit's page.
export function GET(request: Request, { params }: Context) {
  return publicAnswer(request, async (prisma) => {
    const { code } = await params;
    const query = new URL(request.url).searchParams;
    const locale = parseLocale(query.get("lang") ?? undefined);
    const site = env().PUBLIC_URL ?? new URL(request.url).origin;
    const address = `${new URL(site).host}/units/${code}`;
    const card = await shareCardContent(
      prisma,
      code,
      { indicator: query.get("indicator") ?? undefined, date: query.get("date") ?? undefined },
      locale,
      address,
    );
    if (!card) throw new NotFoundError(`Không có đơn vị mã ${code.slice(0, 12)}.`);
    const png = await drawShareCard(card);
    return new Response(new Uint8Array(png), {
      headers: {
        "content-type": "image/png",
        "content-disposition": `inline; filename="the-chia-se-${code}.png"`,
      },
    });
  });
}
