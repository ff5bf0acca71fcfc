import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { getEntrySheet } from "@/lib/entry/get-entry-sheet";

export async function GET(request: Request) {
  return signedInRoute(request, async (actor) => {
    const params = new URL(request.url).searchParams;
    return NextResponse.json(await getEntrySheet(db(), actor, { unit: params.get("unit"), week: params.get("week") }));
  });
}
