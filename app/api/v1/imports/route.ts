import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { importUpload } from "@/lib/imports/import-upload";

/** Checks (mode=preview) or imports (mode=import) an uploaded figures or targets file. */
export async function POST(request: Request) {
  return signedInRoute(
    request,
    async (actor, form) => {
      const outcome = await importUpload(db(), actor, form as FormData);
      // A file with problems is a well-formed request about bad data: 422 with every problem listed.
      return NextResponse.json(outcome, { status: outcome.errorCount ? 422 : 200 });
    },
    { body: "form" },
  );
}
