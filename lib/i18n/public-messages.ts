import { LEADERBOARD } from "./messages/leaderboard";
import { PUBLIC } from "./messages/public";
import { UNIT_PAGE } from "./messages/unit-page";
import { byLocale, pick } from "./phrase";

/** The public pages' words in one language, assembled from the catalogues of lib/i18n/messages. */
export const publicMessages = byLocale((locale) => ({
  ...pick(locale, PUBLIC),
  ...pick(locale, LEADERBOARD),
  ...pick(locale, UNIT_PAGE),
}));

export type PublicMessages = ReturnType<typeof publicMessages>;
