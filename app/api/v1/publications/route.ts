import { publicAnswer } from "@/lib/api/public-answer";
import { respond } from "@/lib/api/respond";
import { parsePageParams } from "@/lib/params/query-params";
import { listEditions } from "@/lib/publication/read-editions";

// Public and read-only: the published editions of the official ranking, newest first, with
// how many corrections each carries. Cached with an ETag per data version like the others.
export function GET(request: Request) {
  return publicAnswer(request, async (prisma) => {
    const page = parsePageParams(new URL(request.url).searchParams);
    const { total, items } = await listEditions(prisma, page);
    const rows = items.map((e) => ({ ...e, publishedAt: e.publishedAt.toISOString() }));
    return respond(request, { total, ...page, items: rows }, { name: "ban-cong-bo", rows });
  });
}
