import { NextResponse } from "next/server";

// Public liveness check; also the benchmark's baseline for the cost of a bare JSON route.
export function GET() {
  return NextResponse.json({ ok: true });
}
