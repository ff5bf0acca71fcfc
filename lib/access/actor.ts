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
