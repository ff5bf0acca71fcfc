import { phrases, plain } from "../phrase";
import { many } from "../plural";
import tablesJson from "./tables.json";

// The words of searchable, sortable tables (leaderboard, unit pages, dashboard, entry grid).
export const TABLES = phrases({
  ...plain(tablesJson),
  shownOf: {
    vi: (shown: number, total: number) => (shown === total ? `${total} đơn vị` : `${shown}/${total} đơn vị`),
    en: (shown: number, total: number) =>
      shown === total ? `${total} ${many(total, "unit", "units")}` : `${shown} of ${total} units`,
  },
  noMatch: {
    vi: (query: string) => `Không có đơn vị nào có tên khớp “${query}”.`,
    en: (query: string) => `No unit's name matches “${query}”.`,
  },
  sortBy: {
    vi: (column: string) => `Sắp xếp theo ${column.toLowerCase()}`,
    en: (column: string) => `Sort by ${column.toLowerCase()}`,
  },
});
