import "server-only";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/access/actor";
import { logDenied } from "@/lib/access/authorize";
import { requireActor } from "@/lib/auth/current-user";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { errorBody, handleApiError } from "./respond";

/**
 * Runs a route handler for a signed-in user. Writes must come from this site (same-origin
 * Origin or Sec-Fetch-Site, as the front door also requires) and carry the content type the
 * route reads: JSON, or a multipart form for file uploads. Answers are never cached.
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
      const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "";
      const sameOrigin = isSameOriginRequest({
        origin: request.headers.get("origin") ?? undefined,
        host,
        secFetchSite: request.headers.get("sec-fetch-site") ?? undefined,
      });
      if (!sameOrigin) {
        logDenied(actor, "cross-site-write", null);
        return NextResponse.json(errorBody("cross_site_write", "Yêu cầu từ trang khác bị từ chối."), { status: 403 });
      }
      const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
      const expected = options.body === "form" ? "multipart/form-data" : "application/json";
      if (type !== expected) {
        return NextResponse.json(
          errorBody("unsupported_content_type", `Content-Type phải là ${expected}.`, "content-type"),
          { status: 415 },
        );
      }
      try {
        body = options.body === "form" ? await request.formData() : JSON.parse(await request.text(), refuseNul);
      } catch {
        const what = options.body === "form" ? "một biểu mẫu multipart/form-data" : "JSON";
        return NextResponse.json(errorBody("invalid_body", `Nội dung gửi lên phải là ${what} hợp lệ.`, "body"), {
          status: 400,
        });
      }
    }
    const response = await run(actor, body);
    response.headers.set("cache-control", "private, no-store");
    return response;
  } catch (error) {
    return handleApiError(error);
  }
}

/** PostgreSQL text cannot hold NUL: a JSON string with one is refused as the malformed body it is. */
function refuseNul(_key: string, value: unknown): unknown {
  if (typeof value === "string" && value.includes("\u0000")) throw new SyntaxError("NUL in a string");
  return value;
}
