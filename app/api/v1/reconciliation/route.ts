import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { uploadReference } from "@/lib/reconciliation/upload-reference";

/** Imports a reference extract of the system of record and compares it with the entered figures. */
export async function POST(request: Request) {
  return signedInRoute(
    request,
    async (actor, form) => {
      const result = await uploadReference(db(), actor, form as FormData);
      const { written: _written, ...answer } = result;
      // A file with wrong rows is a well-formed request about bad data: 422 with every problem listed.
      return NextResponse.json(answer, { status: result.errorCount ? 422 : 200 });
    },
    { body: "form" },
  );
}
