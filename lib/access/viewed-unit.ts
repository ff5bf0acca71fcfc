import { NotFoundError } from "@/lib/errors";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/series/refresh-series";
import { fullName } from "@/lib/units/units-on";
import type { Actor } from "./actor";
import { authorize } from "./authorize";

export type ViewedUnit = {
  id: number;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parent_code: string | null;
};

/**
 * The unit a page is about: the one asked for by code (its period in force on `on`, else its
 * latest), or the actor's own; null for national roles without a unit (the whole country).
 * Throws NotFoundError when there is none, ForbiddenError when it is outside the actor's scope.
 */
export async function viewedUnit(db: Db, actor: Actor, code: string | null, on: Date): Promise<ViewedUnit | null> {
  if (!code && actor.unitId === null) {
    if (actor.role === "MINISTRY_ADMIN" || actor.role === "LEADERSHIP_VIEWER") return null;
    throw new NotFoundError("Tài khoản chưa gắn với đơn vị nào.");
  }
  const rows = await db.$queryRawUnsafe<ViewedUnit[]>(
    `SELECT u.id, u.code, u.name, u.type, u.level, p.code AS parent_code FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
     WHERE ${code ? "u.code = $1" : "u.id = $1::int"}
     ORDER BY (u.valid_from <= $2::date AND (u.valid_to IS NULL OR u.valid_to >= $2::date)) DESC, u.valid_from DESC LIMIT 1`,
    code ?? actor.unitId,
    on,
  );
  const unit = rows[0];
  if (!unit) throw new NotFoundError(`Không có đơn vị mã ${code}.`);
  await authorize(db, actor, "unit.view", { id: unit.id, name: fullName(unit) });
  return unit;
}
