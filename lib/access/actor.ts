import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: the signed-in user as the authorization module sees them. */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The unit the user works for; null for ministry admins and national leadership (the whole country). */
  unitId: number | null;
};

export const ROLE_NAMES: Record<Role, string> = {
  COMMUNE_OFFICER: "Cán bộ Công an xã",
  DISTRICT_OFFICER: "Cán bộ Công an huyện",
  PROVINCE_OFFICER: "Cán bộ Công an tỉnh (PC06)",
  PROVINCE_ADMIN: "Quản trị cấp tỉnh",
  MINISTRY_ADMIN: "Quản trị Bộ Công an (C06)",
  LEADERSHIP_VIEWER: "Lãnh đạo (chỉ xem)",
};
