import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { saveFigures } from "@/lib/entry/save-figures";
import { outcomeStatus } from "@/lib/writes/idempotent-write";

export async function POST(request: Request) {
  return signedInRoute(request, async (actor, body) => {
    const outcome = await saveFigures(db(), actor, body);
    return NextResponse.json(outcome, { status: outcomeStatus(outcome) });
  });
}
