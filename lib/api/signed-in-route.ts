import { NextResponse } from "next/server";
import type { Actor } from "@/lib/access/actor";
import { logDenied } from "@/lib/access/authorize";
import { requireActor } from "@/lib/auth/current-user";
import { handleApiError } from "./respond";

/**
 * Runs a route handler for a signed-in user. Writes must come from this site (a cross-site
 * Origin is refused; SameSite cookies already keep other sites' forms out) and carry JSON
 * (or a multipart form, for file uploads).
 * The handler itself still authorizes every unit it touches.
 */
export async function signedInRoute(
  request: Request,
  run: (actor: Actor, body: unknown) => Promise<Response>,
  options: { body: "json" | "form" } = { body: "json" },
): Promise<Response> {
  try {
    const actor = await requireActor();
    let body: unknown = null;
    if (request.method !== "GET") {
      const origin = request.headers.get("origin");
      const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
      if (origin && host && new URL(origin).host !== host) {
        logDenied(actor, "cross-site-write", null);
        return NextResponse.json({ error: { message: "Yêu cầu từ trang khác bị từ chối." } }, { status: 403 });
      }
      try {
        body = options.body === "form" ? await request.formData() : await request.json();
      } catch {
        const expected = options.body === "form" ? "một biểu mẫu multipart/form-data" : "JSON";
        return NextResponse.json(
          { error: { param: "body", message: `Nội dung gửi lên phải là ${expected}.` } },
          { status: 400 },
        );
      }
    }
    return await run(actor, body);
  } catch (error) {
    return handleApiError(error);
  }
}
