import { z } from "zod";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { importTemplate } from "@/lib/imports/import-template";
import { parseQuery } from "@/lib/params/query-params";

const TEMPLATE_QUERY = z.object({
  kind: z.enum(["figures", "targets"], { error: "kind phải là figures (số liệu) hoặc targets (chỉ tiêu)." }),
});

/** GET ?kind=figures|targets: a CSV to fill in, with the user's own units and the indicators entered by hand. */
export function GET(request: Request) {
  return signedInRoute(request, async (actor) => {
    const { kind } = parseQuery(TEMPLATE_QUERY, new URL(request.url).searchParams);
    const { fileName, text } = await importTemplate(db(), actor, kind);
    return new Response(text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  });
}
