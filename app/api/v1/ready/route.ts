import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { checkReadiness } from "@/lib/ops/readiness";

// Readiness for a load balancer: 200 when this instance should get traffic, 503 (with why) when not.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(db());
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
