import { type Locale, parseLocale } from "./locale";

// The language of the page a request asks for, worked out once at the front door (from the
// URL and the staff pages' cookie) and handed to the root layout and the error pages in a
// request header: <html lang> then matches the page's words on every page, and the 404 of
// an English link is in English.

/** Set by the front door on every request (any copy the client sent is replaced). */
export const PAGE_LOCALE_HEADER = "x-de-an-06-page-locale";
/** The staff pages' language, chosen with the switch in their header (app/ngon-ngu). */
export const LANGUAGE_COOKIE = "de-an-06-ngon-ngu";

/** The public pages, which take their language from ?lang= alone (so a shared cache can keep them). */
function isPublicPage(path: string): boolean {
  return path === "/" || path.startsWith("/units/");
}

/** "en" or "vi" for a request: public pages by ?lang=, the others by the cookie (else ?lang=). */
export function pageLocaleOf(url: string, cookieHeader: string | undefined): Locale {
  const [path = "/", query = ""] = url.split("?", 2);
  const asked = new URLSearchParams(query).get("lang");
  if (isPublicPage(path)) return parseLocale(asked);
  const cookie = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  return parseLocale(cookie ?? asked);
}
