import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { inForceWhere } from "@/lib/units/in-force";
import { hashPassword, passwordProblem } from "./password";
import { NO_SECOND_FACTOR } from "./second-factor";

/**
 * One plain mailbox, local@domain: a local part of letters, digits and . _ % + - (no dot at
 * either end or twice in a row, at most 64), and a DNS domain of at least two labels of
 * letters, digits and inner hyphens, ending in a top-level domain of letters (or an xn--
 * label). No display name, comma, list, quotes, spaces, brackets or address literal: what
 * an SMTP server takes as one recipient. Lower case.
 */
export function isMailbox(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || address.indexOf("@") !== at) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !/^[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*$/.test(local)) return false;
  if (domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  const top = labels.at(-1) as string;
  return /^[a-z]{2,63}$/.test(top) || /^xn--[a-z0-9-]{1,59}$/.test(top);
}

/** An e-mail address for reminders, stored in lower case; empty means none. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Địa chỉ e-mail dài quá 254 ký tự.")
  .refine(
    (v) => v === "" || isMailbox(v),
    "Địa chỉ e-mail không hợp lệ: một địa chỉ duy nhất dạng ten@donvi.gov.vn (chỉ chữ không dấu, số và . _ % + - trước @; tên miền thường), không dấu phẩy, khoảng trắng, ngoặc hay dấu nháy.",
  )
  .transform((v) => v || null);

/**
 * A person's name as shown on pages and in e-mails: trimmed, spaces collapsed, 1–100
 * characters, no control characters (line breaks, tabs), invisible direction marks or < >.
 */
export const ZDisplayName = z
  .string()
  .transform((v) => v.normalize("NFC").replace(/ +/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Cần họ tên hiển thị.")
      .max(100, "Họ tên hiển thị tối đa 100 ký tự.")
      .refine(
        (v) => !/[\p{Cc}\p{Zl}\p{Zp}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(v),
        "Họ tên hiển thị không được chứa ký tự điều khiển (xuống dòng, tab…); viết trên một dòng.",
      )
      .refine((v) => !/[<>]/.test(v), "Họ tên hiển thị không được chứa dấu < hoặc >."),
  );

export const ZNewUser = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, "Tên đăng nhập gồm 3–64 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang."),
  displayName: ZDisplayName,
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
      where: { code: user.unitCode, ...inForceWhere(on) },
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

/**
 * Clears a user's second factor from the server's command line (the ministry admin's lost
 * phone, whom no admin above can reset): audited as done by "cli", every session ends.
 */
export async function resetSecondFactorFromCli(prisma: PrismaClient, userId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.appUser.update({
      where: { id: userId },
      data: { ...NO_SECOND_FACTOR, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, { actor: "cli", requestId: null }, [
      {
        action: "user-reset-second-factor",
        entity: "user",
        entityId: user.id,
        unitId: user.unitId,
        indicatorId: null,
        oldValue: null,
        newValue: { username: user.username, secondFactor: false },
      },
    ]);
  });
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
