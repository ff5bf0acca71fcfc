import type { Locale } from "./locale";
import { plural } from "./plural";

// The words of searchable, sortable tables (leaderboard, unit pages, dashboard, entry grid).
const vi = {
  searchLabel: "Tìm đơn vị",
  searchPlaceholder: "Gõ tên, có dấu hoặc không",
  shownOf: (shown: number, total: number) => (shown === total ? `${total} đơn vị` : `${shown}/${total} đơn vị`),
  noMatch: (query: string) => `Không có đơn vị nào có tên khớp “${query}”.`,
  sortBy: (column: string) => `Sắp xếp theo ${column.toLowerCase()}`,
};

export type TableMessages = typeof vi;

const en: TableMessages = {
  searchLabel: "Find a unit",
  searchPlaceholder: "Type a name",
  shownOf: (shown: number, total: number) =>
    shown === total ? `${total} ${plural("en", total, { one: "unit", other: "units" })}` : `${shown} of ${total} units`,
  noMatch: (query: string) => `No unit's name matches “${query}”.`,
  sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
};

export function tableMessages(locale: Locale): TableMessages {
  return locale === "en" ? en : vi;
}
