import "server-only";
import type { Db } from "@/lib/db/db";
import { ident, type Sql, sql } from "@/lib/db/sql";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { unitAndBelow } from "@/lib/units/hierarchy";
import type { Actor } from "./actor";

// The one place that decides "may this user do this to this unit". Every route handler,
// server action and data function calls `authorize` (or filters with `inActorScope`);
// nothing relies on the proxy or on hidden buttons.

export type Action =
  | "figure.enter"
  | "week.submit"
  | "week.approve"
  | "week.unlock"
  /** Sending a submitted report back to its unit, with a reason, instead of approving it. */
  | "week.return"
  | "target.assign"
  | "unit.view"
  | "audit.view"
  | "user.manage"
  /** Data-quality flags and the reconciliation register: reading, and answering them. */
  | "quality.view"
  | "quality.check"
  /** Importing the system of record's extract is national. */
  | "reference.import"
  /** Defining indicators is national: their codes and kinds are the same for every unit. */
  | "indicator.define"
  /** Publishing the week's official ranking as an edition is national too. */
  | "edition.publish";

/** Where the unit stands from the actor: their own unit, below it, or anywhere else. */
export type Relation = "own" | "below" | "outside";

const OFFICER: Partial<Record<Action, Relation[]>> = {
  "figure.enter": ["own", "below"],
  "week.submit": ["own", "below"],
  // Approval, unlocking and targets come from a level above the unit, never from the unit itself.
  "week.approve": ["below"],
  "week.unlock": ["below"],
  "week.return": ["below"],
  "target.assign": ["below"],
  "unit.view": ["own", "below"],
  "audit.view": ["own", "below"],
  "quality.view": ["own", "below"],
  "quality.check": ["own", "below"],
};

const RULES: Record<Role, Partial<Record<Action, Relation[]>>> = {
  COMMUNE_OFFICER: {
    "figure.enter": ["own"],
    "week.submit": ["own"],
    "unit.view": ["own"],
    "audit.view": ["own"],
  },
  DISTRICT_OFFICER: OFFICER,
  PROVINCE_OFFICER: OFFICER,
  PROVINCE_ADMIN: { ...OFFICER, "user.manage": ["own", "below"] },
  // Without a unit, every unit of the country is "below" the ministry.
  MINISTRY_ADMIN: {
    ...OFFICER,
    "user.manage": ["own", "below"],
    "indicator.define": ["own", "below"],
    "reference.import": ["own", "below"],
    "edition.publish": ["own", "below"],
  },
  LEADERSHIP_VIEWER: {
    "unit.view": ["own", "below"],
    "audit.view": ["own", "below"],
    "quality.view": ["own", "below"],
  },
};

const ACTION_NAMES: Record<Action, string> = {
  "figure.enter": "nhập số liệu cho",
  "week.submit": "gửi báo cáo của",
  "week.approve": "phê duyệt báo cáo của",
  "week.unlock": "mở khoá báo cáo của",
  "week.return": "trả lại báo cáo của",
  "target.assign": "giao chỉ tiêu cho",
  "unit.view": "xem số liệu nội bộ của",
  "audit.view": "xem nhật ký thay đổi của",
  "user.manage": "quản lý tài khoản của",
  "indicator.define": "định nghĩa chỉ tiêu cho",
  "quality.view": "xem kiểm tra chất lượng số liệu của",
  "quality.check": "ghi nhận kiểm tra số liệu của",
  "reference.import": "nhập số liệu đối chiếu cho",
  "edition.publish": "công bố bảng xếp hạng của",
};

export function isAllowed(role: Role, action: Action, relation: Relation): boolean {
  return RULES[role][action]?.includes(relation) ?? false;
}

/** Whether the role may do the action to any unit at all (menus, pages that only some roles have). */
export function roleHas(role: Role, action: Action): boolean {
  return (RULES[role][action]?.length ?? 0) > 0;
}

/** The unit's relation to the actor, following the unit's own parents (its hierarchy for its period). */
export async function relationTo(db: Db, actor: Actor, unitId: number): Promise<Relation> {
  if (actor.unitId === null) return isNational(actor) ? "below" : "outside";
  if (actor.unitId === unitId) return "own";
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE up AS (
       SELECT parent_id FROM unit WHERE id = ${unitId}::int
       UNION ALL SELECT u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
     ) SELECT EXISTS (SELECT 1 FROM up WHERE parent_id = ${actor.unitId}::int) AS found`;
  return rows[0]?.found ? "below" : "outside";
}

export async function can(db: Db, actor: Actor, action: Action, unitId: number): Promise<boolean> {
  // Cheap refusal first: a role that has the action nowhere needs no query.
  if (!RULES[actor.role][action]?.length) return false;
  return isAllowed(actor.role, action, await relationTo(db, actor, unitId));
}

/**
 * authorize() for many units at once (a grid save, a batch of targets): one scope query
 * instead of one per unit; the first unit outside it is refused and logged as authorize does.
 */
export async function authorizeAll(
  db: Db,
  actor: Actor,
  action: Action,
  units: { id: number; name: string }[],
): Promise<void> {
  if (units.length <= 1) {
    for (const unit of units) await authorize(db, actor, action, unit);
    return;
  }
  const allowed = await unitIdsInScope(db, actor, action);
  const outside = allowed ? units.find((u) => !allowed.has(u.id)) : undefined;
  if (outside) await authorize(db, actor, action, outside);
}

/** Throws ForbiddenError (and logs the denial) unless the actor may do `action` to the unit. */
export async function authorize(
  db: Db,
  actor: Actor,
  action: Action,
  unit: { id: number; name: string },
): Promise<void> {
  if (await can(db, actor, action, unit.id)) return;
  logDenied(actor, action, unit.id);
  throw new ForbiddenError(`Tài khoản ${actor.username} không có quyền ${ACTION_NAMES[action]} ${unit.name}.`);
}

export function logDenied(actor: Actor | null, action: string, unitId: number | null): void {
  console.warn(
    JSON.stringify({
      event: "access.denied",
      at: new Date().toISOString(),
      user: actor?.username ?? null,
      action,
      unitId,
    }),
  );
}

/** Whether an actor without a unit sees the whole country (ministry, national leadership). */
function isNational(actor: Actor): boolean {
  return actor.unitId === null && (actor.role === "MINISTRY_ADMIN" || actor.role === "LEADERSHIP_VIEWER");
}

/**
 * The one SQL condition for "in the actor's scope": `column` (a unit id) is their unit or
 * below it; every unit for national roles, none for an actor without a unit otherwise.
 */
export function inActorScope(actor: Actor, column: string): Sql {
  if (actor.unitId === null) return isNational(actor) ? sql`TRUE` : sql`FALSE`;
  return sql`${ident(column)} IN ${unitAndBelow(sql`id = ${actor.unitId}::int`)}`;
}

/**
 * The ids of every unit the actor may do `action` to, for bulk work such as file imports;
 * undefined when the actor's scope is the whole country.
 */
export async function unitIdsInScope(db: Db, actor: Actor, action: Action): Promise<Set<number> | undefined> {
  const relations = RULES[actor.role][action] ?? [];
  if (relations.length === 0) return new Set();
  if (actor.unitId === null) return isNational(actor) && relations.includes("below") ? undefined : new Set();
  const rows = await db.$queryRaw<
    { id: number }[]
  >`SELECT id FROM ${unitAndBelow(sql`id = ${actor.unitId}::int`)} AS scope`;
  const ids = new Set(relations.includes("below") ? rows.map((r) => r.id).filter((id) => id !== actor.unitId) : []);
  if (relations.includes("own")) ids.add(actor.unitId);
  return ids;
}
