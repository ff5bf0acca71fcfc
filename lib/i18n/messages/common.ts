import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { phrases } from "../phrase";

// Phrases that several pages share, written once.
export const COMMON = phrases({
  show: { vi: "Xem", en: "Show" },
  indicator: { vi: "Chỉ tiêu", en: "Indicator" },
  target: { vi: "Chỉ tiêu", en: "Target" },
  asOf: { vi: "Tính đến ngày", en: "As of" },
  none: { vi: "chưa có", en: "none yet" },
  notAssigned: { vi: "chưa giao", en: "not assigned" },
  country: { vi: "Toàn quốc", en: "Whole country" },
  up: { vi: "↑ Cấp trên", en: "↑ Level above" },
  percentOfTarget: { vi: "Tỷ lệ hoàn thành", en: "Percent of target" },
  forecast: { vi: "Dự báo", en: "Forecast" },
  downloadChart: { vi: "Tải biểu đồ (PNG)", en: "Download the chart (PNG)" },
  districtsDone: { vi: "Huyện xong", en: "Districts done" },
  communesDone: { vi: "Xã xong", en: "Communes done" },
  unitCode: { vi: "Mã đơn vị", en: "Unit code" },
  username: { vi: "Tên đăng nhập", en: "Username" },
  unlock: { vi: "Mở khoá", en: "Unlock" },
  unit: { vi: "Đơn vị", en: "Unit" },
  dashboard: { vi: "Điều hành", en: "Dashboard" },
  changeLog: { vi: "Nhật ký thay đổi", en: "Change log" },
});

/** What a unit of each level is called. */
export const LEVELS = phrases<Record<UnitLevel, string>>({
  PROVINCE: { vi: "Tỉnh, thành phố", en: "Province" },
  DISTRICT: { vi: "Quận, huyện", en: "District" },
  COMMUNE: { vi: "Xã, phường", en: "Commune" },
});
