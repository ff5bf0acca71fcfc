import type { Role } from "@/lib/generated/prisma/enums";
import { phrases, pick } from "./phrase";

/** What each role is called, in both languages. */
export const ROLES = phrases<Record<Role, string>>({
  COMMUNE_OFFICER: { vi: "Cán bộ Công an xã", en: "Commune police officer" },
  DISTRICT_OFFICER: { vi: "Cán bộ Công an huyện", en: "District police officer" },
  PROVINCE_OFFICER: { vi: "Cán bộ Công an tỉnh (PC06)", en: "Provincial police officer (PC06)" },
  PROVINCE_ADMIN: { vi: "Quản trị cấp tỉnh", en: "Province administrator" },
  MINISTRY_ADMIN: { vi: "Quản trị Bộ Công an (C06)", en: "Ministry administrator (C06)" },
  LEADERSHIP_VIEWER: { vi: "Lãnh đạo (chỉ xem)", en: "Leadership (read only)" },
});

/** What each role is called, as the records and the command line name it. */
export const ROLE_NAMES: Record<Role, string> = pick("vi", ROLES);
