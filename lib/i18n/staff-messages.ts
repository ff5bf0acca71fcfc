import { ACCOUNTS } from "./messages/accounts";
import { AUDIT } from "./messages/audit";
import { DASHBOARD, WEEK_REPORTS } from "./messages/dashboard";
import { IMPORTS } from "./messages/imports";
import { INDICATORS } from "./messages/indicators";
import { SECOND_FACTOR } from "./messages/second-factor";
import { PASSWORD_PAGE, STAFF } from "./messages/staff";
import { TARGETS } from "./messages/targets";
import { byLocale, pick } from "./phrase";

/** The staff pages' words in one language, assembled from the catalogues of lib/i18n/messages. */
export const staffMessages = byLocale((locale) => ({
  ...pick(locale, STAFF),
  ...pick(locale, DASHBOARD),
  ...pick(locale, WEEK_REPORTS),
  audit: pick(locale, AUDIT),
  passwordPage: pick(locale, PASSWORD_PAGE),
  secondFactor: pick(locale, SECOND_FACTOR),
  indicators: pick(locale, INDICATORS),
  users: pick(locale, ACCOUNTS),
  imports: pick(locale, IMPORTS),
  targets: pick(locale, TARGETS),
}));

export type StaffMessages = ReturnType<typeof staffMessages>;
