import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { authorize, inActorScope, logDenied, roleHas } from "@/lib/access/authorize";
import { type AuditRecord, writeAudit } from "@/lib/audit/write-audit";
import { ZRequestId } from "@/lib/entry/entry-input";
import { ForbiddenError, InvalidParamError, NotFoundError } from "@/lib/errors";
import { matchesSearch } from "@/lib/format/search-key";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role, UnitLevel } from "@/lib/generated/prisma/enums";
import { ZUnitCode } from "@/lib/units/codes";
import { inForceWhere } from "@/lib/units/in-force";
import { fullName } from "@/lib/units/units-on";
import { idempotentWrite, parseInput } from "@/lib/writes/idempotent-write";
import { hashPassword, randomPassword } from "./password";
import { NO_SECOND_FACTOR } from "./second-factor";
import { ZEmail, ZNewUser } from "./users";

/** The unit level each role works at; leadership may sit at any level. */
const LEVEL_OF_ROLE: Record<Role, UnitLevel | "ANY" | null> = {
  COMMUNE_OFFICER: "COMMUNE",
  DISTRICT_OFFICER: "DISTRICT",
  PROVINCE_OFFICER: "PROVINCE",
  PROVINCE_ADMIN: "PROVINCE",
  LEADERSHIP_VIEWER: "ANY",
  MINISTRY_ADMIN: null,
};

/**
 * The roles an admin may create, lock, unlock and reset: only those below their own. A
 * province admin manages its officers and leaders, not other province admins; the ministry
 * also manages province admins. Ministry admins are managed on the server's command line.
 */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  MINISTRY_ADMIN: ["COMMUNE_OFFICER", "DISTRICT_OFFICER", "PROVINCE_OFFICER", "PROVINCE_ADMIN", "LEADERSHIP_VIEWER"],
  PROVINCE_ADMIN: ["COMMUNE_OFFICER", "DISTRICT_OFFICER", "PROVINCE_OFFICER", "LEADERSHIP_VIEWER"],
  PROVINCE_OFFICER: [],
  DISTRICT_OFFICER: [],
  COMMUNE_OFFICER: [],
  LEADERSHIP_VIEWER: [],
};

function requireManageableRole(actor: Actor, role: Role, username: string): void {
  if (MANAGEABLE_ROLES[actor.role].includes(role)) return;
  logDenied(actor, "user.manage", null);
  throw new ForbiddenError(
    role === "MINISTRY_ADMIN"
      ? `Tài khoản quản trị Bộ ${username} chỉ được quản lý bằng dòng lệnh trên máy chủ.`
      : `Tài khoản ${actor.username} chỉ quản lý các vai trò cấp dưới mình; ${username} có vai trò ngang hoặc cao hơn.`,
  );
}

export type ManagedUser = {
  username: string;
  displayName: string;
  role: Role;
  unit: { code: string; name: string } | null;
  email: string | null;
  disabled: boolean;
  /** Signs in with a second factor (TOTP). */
  secondFactor: boolean;
};

const ZUserAction = z.discriminatedUnion(
  "action",
  [
    z.object({
      requestId: ZRequestId.optional(),
      action: z.literal("create"),
      username: ZNewUser.shape.username,
      displayName: ZNewUser.shape.displayName,
      role: ZNewUser.shape.role,
      unit: ZUnitCode,
      email: ZEmail.optional(),
    }),
    z.object({
      requestId: ZRequestId.optional(),
      action: z.literal("set-email"),
      username: z.string().trim().toLowerCase(),
      email: ZEmail,
    }),
    z.object({
      requestId: ZRequestId.optional(),
      action: z.enum(["disable", "enable", "reset-password", "reset-second-factor"]),
      username: z.string().trim().toLowerCase(),
    }),
  ],
  { message: "action phải là create, set-email, disable, enable, reset-password hoặc reset-second-factor." },
);

export type UserActionInput = z.input<typeof ZUserAction>;

/** `password` only in the first answer: a replay says the change was made, not the password again. */
export type UserActionOutcome = { username: string; action: string; password?: string; replayed?: boolean };

/**
 * Accounts whose unit is in the actor's scope (every account for the ministry), by unit then
 * name; with `query`, those whose username, name, unit name or code hold every word of it
 * (without diacritics too: "ba dinh" finds "Phường Ba Đình").
 */
export async function listManagedUsers(prisma: PrismaClient, actor: Actor, query = ""): Promise<ManagedUser[]> {
  if (!roleHas(actor.role, "user.manage")) {
    logDenied(actor, "user.manage", actor.unitId);
    throw new ForbiddenError(`Tài khoản ${actor.username} không quản lý tài khoản.`);
  }
  const rows = await prisma.$queryRaw<
    {
      username: string;
      display_name: string;
      role: Role;
      email: string | null;
      disabled: boolean;
      second_factor: boolean;
      code: string | null;
      name: string | null;
      type: string | null;
    }[]
  >`
    SELECT a.username, a.display_name, a.role, a.email, a.disabled, a.totp_secret IS NOT NULL AS second_factor,
           u.code, u.name, u.type
    FROM app_user a LEFT JOIN unit u ON u.id = a.unit_id
    WHERE ${inActorScope(actor, "a.unit_id")}
    ORDER BY u.code NULLS FIRST, a.username`;
  const users = rows.map((r) => ({
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    unit: r.code ? { code: r.code, name: fullName({ type: r.type ?? "", name: r.name ?? "" }) } : null,
    email: r.email,
    disabled: r.disabled,
    secondFactor: r.second_factor,
  }));
  const asked = query.slice(0, 100);
  return asked.trim()
    ? users.filter((u) =>
        matchesSearch(`${u.username} ${u.displayName} ${u.unit?.name ?? ""} ${u.unit?.code ?? ""}`, asked),
      )
    : users;
}

/**
 * Creates, disables, enables or resets the password of an account within the actor's scope
 * (a province admin: their province and below; the ministry: everyone) whose role is below
 * the actor's (MANAGEABLE_ROLES). New and reset passwords are random and returned once, to
 * be handed over in person, and must be changed at the first sign-in; disabling and
 * resetting end the account's sessions. Each change is logged.
 */
export async function manageUser(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<UserActionOutcome> {
  const input = parseInput(ZUserAction, raw);
  const change = await checkedChange(prisma, actor, input);
  // The account and its audit entry commit together, with or without a request id.
  if (!input.requestId)
    return prisma.$transaction(async (tx) => {
      const { outcome, audit } = await change(tx);
      await writeAudit(tx, { actor: actor.username, requestId: null }, [audit]);
      return outcome;
    });
  return idempotentWrite<UserActionOutcome>(prisma, { actor, requestId: input.requestId }, async (tx) => {
    const { outcome, audit } = await change(tx);
    return { outcome, audit: [audit], replayAnswer: { username: outcome.username, action: outcome.action } };
  });
}

type Users = Pick<PrismaClient, "appUser">;
type Change = { outcome: UserActionOutcome; audit: AuditRecord };

/** An account's audit entry: under its unit, so the admins of that unit's scope see it. */
function accountAudit(
  action: string,
  user: { id: number; unitId: number | null },
  oldValue: object | null,
  newValue: object,
): AuditRecord {
  return { action, entity: "user", entityId: user.id, unitId: user.unitId, indicatorId: null, oldValue, newValue };
}

/** Checks the change against the actor's rights and returns the write that makes it. */
async function checkedChange(
  prisma: PrismaClient,
  actor: Actor,
  input: z.output<typeof ZUserAction>,
): Promise<(db: Users) => Promise<Change>> {
  if (input.action === "create") {
    const level = LEVEL_OF_ROLE[input.role];
    if (level === null) throw new ForbiddenError("Tài khoản quản trị Bộ chỉ tạo bằng dòng lệnh trên máy chủ.");
    requireManageableRole(actor, input.role, input.username);
    const unit = await prisma.unit.findFirst({ where: { code: input.unit, ...inForceWhere(new Date()) } });
    if (!unit) throw new InvalidParamError("unit", `Không có đơn vị mã ${input.unit} đang có hiệu lực.`);
    if (level !== "ANY" && unit.level !== level) {
      throw new InvalidParamError(
        "unit",
        `Vai trò này làm việc ở cấp ${LEVEL_NAMES[level]}; ${fullName(unit)} là cấp ${LEVEL_NAMES[unit.level]}.`,
      );
    }
    await authorize(prisma, actor, "user.manage", { id: unit.id, name: fullName(unit) });
    if (await prisma.appUser.findUnique({ where: { username: input.username } })) {
      throw new InvalidParamError("username", `Tên đăng nhập ${input.username} đã có; chọn tên khác.`);
    }
    return async (db) => {
      const password = randomPassword();
      const created = await db.appUser.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          unitId: unit.id,
          email: input.email ?? null,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        },
      });
      logChange(actor, "user.created", input.username);
      return {
        outcome: { username: input.username, action: "create", password },
        audit: accountAudit("user-create", created, null, {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          unit: input.unit,
          ...(input.email ? { email: input.email } : {}),
        }),
      };
    };
  }

  const user = await prisma.appUser.findUnique({ where: { username: input.username }, include: { unit: true } });
  if (!user) throw new NotFoundError(`Không có tài khoản ${input.username}.`);
  if (user.unit) await authorize(prisma, actor, "user.manage", { id: user.unit.id, name: fullName(user.unit) });
  else if (actor.role !== "MINISTRY_ADMIN") {
    logDenied(actor, "user.manage", null);
    throw new ForbiddenError(`Chỉ quản trị Bộ quản lý tài khoản cấp toàn quốc ${user.username}.`);
  }
  if (user.id === actor.id) {
    throw new InvalidParamError(
      "username",
      input.action === "reset-password"
        ? "Đổi mật khẩu của chính mình ở trang Đổi mật khẩu (/doi-mat-khau)."
        : input.action === "set-email"
          ? "E-mail của tài khoản mình do quản trị cấp trên đặt."
          : input.action === "reset-second-factor"
            ? "Xác thực hai bước của chính mình do quản trị cấp trên (hoặc dòng lệnh trên máy chủ) đặt lại."
            : "Không thể tự khoá hay mở khoá tài khoản của mình.",
    );
  }
  requireManageableRole(actor, user.role, user.username);
  if (input.action === "set-email") {
    const { email } = input;
    return async (db) => {
      await db.appUser.update({ where: { id: user.id }, data: { email } });
      logChange(actor, "user.email-set", user.username);
      return {
        outcome: { username: user.username, action: "set-email" },
        audit: accountAudit(
          "user-email",
          user,
          { username: user.username, email: user.email },
          {
            username: user.username,
            email,
          },
        ),
      };
    };
  }
  const { action } = input;
  if (action === "reset-password") {
    return async (db) => {
      const password = randomPassword();
      await db.appUser.update({
        where: { id: user.id },
        data: {
          passwordHash: await hashPassword(password),
          // The user's own password stays the one they may not go back to.
          previousPasswordHash: user.mustChangePassword ? user.previousPasswordHash : user.passwordHash,
          mustChangePassword: true,
          sessionVersion: { increment: 1 },
        },
      });
      logChange(actor, "user.password-reset", user.username);
      // Never the password itself: only that it was reset.
      return {
        outcome: { username: user.username, action, password },
        audit: accountAudit("user-reset-password", user, null, { username: user.username, passwordReset: true }),
      };
    };
  }
  if (action === "reset-second-factor") {
    return async (db) => {
      // The lost phone's codes stop working and every session ends; the user enrols anew.
      await db.appUser.update({
        where: { id: user.id },
        data: { ...NO_SECOND_FACTOR, sessionVersion: { increment: 1 } },
      });
      logChange(actor, "user.second-factor-reset", user.username);
      return {
        outcome: { username: user.username, action },
        audit: accountAudit(
          "user-reset-second-factor",
          user,
          { username: user.username, secondFactor: user.totpSecret !== null },
          { username: user.username, secondFactor: false },
        ),
      };
    };
  }
  return async (db) => {
    await db.appUser.update({
      where: { id: user.id },
      data: { disabled: action === "disable", sessionVersion: { increment: 1 } },
    });
    logChange(actor, action === "disable" ? "user.disabled" : "user.enabled", user.username);
    return {
      outcome: { username: user.username, action },
      audit: accountAudit(
        action === "disable" ? "user-disable" : "user-enable",
        user,
        { username: user.username, disabled: user.disabled },
        { username: user.username, disabled: action === "disable" },
      ),
    };
  };
}

const LEVEL_NAMES: Record<UnitLevel, string> = { PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã" };

function logChange(actor: Actor, event: string, username: string): void {
  console.info(JSON.stringify({ event, at: new Date().toISOString(), by: actor.username, user: username }));
}
