import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, passwordProblem } from "./password";

/** An e-mail address for reminders, stored in lower case; empty means none. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Địa chỉ e-mail dài quá 254 ký tự.")
  .refine(
    (v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    "Địa chỉ e-mail không hợp lệ (dạng ten@donvi.gov.vn).",
  )
  .transform((v) => v || null);

export const ZNewUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, "Tên đăng nhập gồm 3–64 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang."),
  displayName: z.string().trim().min(1, "Cần họ tên hiển thị.").max(200),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  role: z.enum(Role, { message: `Vai trò phải là một trong: ${Object.keys(Role).join(", ")}.` }),
  /** The unit's code, in force today (or on `unitOn`). Required except for ministry admins and national leadership. */
  unitCode: z.string().trim().optional(),
  unitOn: z.date().optional(),
  email: ZEmail.optional(),
  /** The password was chosen for the user (generated, handed over): they must change it at their first sign-in. */
  mustChangePassword: z.boolean().default(false),
});
export type NewUser = z.input<typeof ZNewUser>;

/** Creates an account; throws an Error whose message says what to fix. */
export async function createUser(prisma: PrismaClient, input: NewUser) {
  const parsed = ZNewUser.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  const user = parsed.data;
  const needsUnit = user.role !== "MINISTRY_ADMIN" && user.role !== "LEADERSHIP_VIEWER";
  let unitId: number | null = null;
  if (user.unitCode) {
    const on = user.unitOn ?? new Date();
    const unit = await prisma.unit.findFirst({
      where: { code: user.unitCode, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gte: on } }] },
      orderBy: { validFrom: "desc" },
    });
    if (!unit)
      throw new Error(`Không có đơn vị mã ${user.unitCode} còn hiệu lực vào ${on.toISOString().slice(0, 10)}.`);
    unitId = unit.id;
  } else if (needsUnit) {
    throw new Error("Vai trò này cần đơn vị (--unit MÃ).");
  }
  if (user.role === "MINISTRY_ADMIN" && unitId !== null) throw new Error("Quản trị Bộ không gắn với đơn vị nào.");
  if (await prisma.appUser.findUnique({ where: { username: user.username } })) {
    throw new Error(`Tên đăng nhập ${user.username} đã có.`);
  }
  return prisma.appUser.create({
    data: {
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      role: user.role,
      unitId,
      email: user.email ?? null,
      mustChangePassword: user.mustChangePassword,
    },
  });
}

/** Ends every session of the user (disabling, role or unit change, password reset). */
export async function endSessions(prisma: PrismaClient, userId: number): Promise<void> {
  await prisma.appUser.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function setUserDisabled(prisma: PrismaClient, userId: number, disabled: boolean): Promise<void> {
  await prisma.appUser.update({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } } });
}

export function toActor(user: {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
}): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
  };
}
