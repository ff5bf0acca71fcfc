import { type NextRequest, NextResponse } from "next/server";
import { badRequest } from "@/lib/api/respond";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { LANGUAGE_COOKIE } from "@/lib/i18n/page-locale";

/** GET /ngon-ngu?lang=en|vi&next=/path: the staff pages' language switch (a plain link, works without JavaScript). */
export function GET(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  if (lang !== "vi" && lang !== "en") {
    return badRequest("lang", "lang phải là vi (tiếng Việt) hoặc en (English).");
  }
  const next = safeRedirectPath(request.nextUrl.searchParams.get("next"), "/dieu-hanh");
  const response = new NextResponse(null, { status: 303, headers: { location: next, "cache-control": "no-store" } });
  response.cookies.set(LANGUAGE_COOKIE, lang, { sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
  return response;
}
