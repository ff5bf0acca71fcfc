import "server-only";
import { headers } from "next/headers";
import { type Locale, parseLocale } from "./locale";
import { PAGE_LOCALE_HEADER } from "./page-locale";

/** The language of the page being rendered, as the front door read it (lib/i18n/page-locale.ts). */
export async function requestLocale(): Promise<Locale> {
  return parseLocale((await headers()).get(PAGE_LOCALE_HEADER));
}
