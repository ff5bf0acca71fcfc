import { TABLES } from "./messages/tables";
import { byLocale, pick } from "./phrase";

/** The words of searchable, sortable tables in one language (lib/i18n/messages/tables.ts). */
export const tableMessages = byLocale((locale) => pick(locale, TABLES));

export type TableMessages = ReturnType<typeof tableMessages>;
