import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { assignTargets } from "@/lib/targets/assign-targets";
import { outcomeStatus } from "@/lib/writes/idempotent-write";

/** A parent assigns targets to units below it; 409 when someone assigned another since. */
export async function POST(request: Request) {
  return signedInRoute(request, async (actor, body) => {
    const outcome = await assignTargets(db(), actor, body);
    return NextResponse.json(outcome, { status: outcomeStatus(outcome) });
  });
}
