import type { Role } from "@/lib/generated/prisma/enums";

/** What each role is called, as the records and the command line name it. */
export const ROLE_NAMES: Record<Role, string> = {
  COMMUNE_OFFICER: "Cán bộ Công an xã",
  DISTRICT_OFFICER: "Cán bộ Công an huyện",
  PROVINCE_OFFICER: "Cán bộ Công an tỉnh (PC06)",
  PROVINCE_ADMIN: "Quản trị cấp tỉnh",
  MINISTRY_ADMIN: "Quản trị Bộ Công an (C06)",
  LEADERSHIP_VIEWER: "Lãnh đạo (chỉ xem)",
};
