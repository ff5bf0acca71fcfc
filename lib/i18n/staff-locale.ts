import "server-only";
import { cookies } from "next/headers";
import { type Locale, parseLocale } from "./locale";
import { LANGUAGE_COOKIE } from "./page-locale";

/**
 * The staff pages' language, chosen with the switch in their header (or on the public pages'
 * sign-in link) and kept in a cookie. Only pages that are never shared-cached read it: the
 * public pages take their language from ?lang= alone (lib/i18n/page-locale.ts).
 */
export async function staffLocale(): Promise<Locale> {
  return parseLocale((await cookies()).get(LANGUAGE_COOKIE)?.value);
}
