import { ERRORS } from "./messages/errors";
import { byLocale, pick } from "./phrase";

/** The error page's words in one language (lib/i18n/messages/errors.ts), apart from the public pages' many. */
export const errorMessages = byLocale((locale) => pick(locale, ERRORS));
