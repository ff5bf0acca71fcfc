import type { Role } from "@/lib/generated/prisma/enums";
import { phrases, pick, plain } from "./phrase";
import rolesJson from "./role-names.json";

/** What each role is called, in both languages (role-names.json; a role left out does not compile). */
export const ROLES = phrases<Record<Role, string>>(plain(rolesJson));

/** What each role is called, as the records and the command line name it. */
export const ROLE_NAMES: Record<Role, string> = pick("vi", ROLES);
