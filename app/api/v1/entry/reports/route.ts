import { NextResponse } from "next/server";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { changeReportStatus } from "@/lib/entry/report-status";

export async function POST(request: Request) {
  return signedInRoute(request, async (actor, body) => NextResponse.json(await changeReportStatus(db(), actor, body)));
}
