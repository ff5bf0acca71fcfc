import { PICTURES } from "./messages/pictures";
import { byLocale, pick } from "./phrase";

/** The save-as-PNG button's words in one language (lib/i18n/messages/pictures.ts). */
export const pictureMessages = byLocale((locale) => pick(locale, PICTURES));
