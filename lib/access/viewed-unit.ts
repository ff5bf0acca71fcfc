import "server-only";
import type { Db } from "@/lib/db/db";
import { NotFoundError } from "@/lib/errors";
import { fullName, type UnitOfCode, unitByCode, unitById } from "@/lib/units/units-on";
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
  const unit = code ? await unitByCode(db, code, on) : await unitById(db, actor.unitId as number);
  if (!unit) throw new NotFoundError(`Không có đơn vị mã ${code}.`);
  await authorize(db, actor, "unit.view", { id: unit.id, name: fullName(unit) });
  return unit;
}
