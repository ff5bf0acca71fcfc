import "server-only";
import type { Db } from "@/lib/db/db";
import { NotFoundError } from "@/lib/errors";
import { fullName, type UnitOfCode, unitByCode } from "@/lib/units/units-on";
import type { Actor } from "./actor";
import { authorize } from "./authorize";

export type ViewedUnit = UnitOfCode;

/**
 * The unit a staff page is about: the one asked for by code (its period in force on `on`,
 * else its latest), or the actor's own; null for national roles without a unit (the whole
 * country). Throws NotFoundError when there is none, ForbiddenError when it is outside the
 * actor's scope.
 */
export async function viewedUnit(db: Db, actor: Actor, code: string | null, on: Date): Promise<ViewedUnit | null> {
  if (!code && actor.unitId === null) {
    if (actor.role === "MINISTRY_ADMIN" || actor.role === "LEADERSHIP_VIEWER") return null;
    throw new NotFoundError("Tài khoản chưa gắn với đơn vị nào.");
  }
  const unit = code ? await unitByCode(db, code, on) : await ownUnit(db, actor.unitId as number);
  if (!unit) throw new NotFoundError(`Không có đơn vị mã ${code}.`);
  await authorize(db, actor, "unit.view", { id: unit.id, name: fullName(unit) });
  return unit;
}

async function ownUnit(db: Db, unitId: number): Promise<UnitOfCode | null> {
  const rows = await db.$queryRaw<UnitOfCode[]>`
    SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId", p.code AS "parentCode"
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id WHERE u.id = ${unitId}::int`;
  return rows[0] ?? null;
}
