import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { phrases, plain } from "../phrase";
import commonJson from "./common.json";

// Phrases that several pages share, written once.
export const COMMON = plain(commonJson);

/** What a unit of each level is called. */
export const LEVELS = phrases<Record<UnitLevel, string>>({
  PROVINCE: { vi: "Tỉnh, thành phố", en: "Province" },
  DISTRICT: { vi: "Quận, huyện", en: "District" },
  COMMUNE: { vi: "Xã, phường", en: "Commune" },
});
