import { phrases } from "../phrase";
import { many } from "../plural";

// The words of searchable, sortable tables (leaderboard, unit pages, dashboard, entry grid).
export const TABLES = phrases({
  searchLabel: { vi: "Tìm đơn vị", en: "Find a unit" },
  searchPlaceholder: { vi: "Gõ tên, có dấu hoặc không", en: "Type a name" },
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
