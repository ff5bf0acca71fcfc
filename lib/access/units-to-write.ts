import "server-only";
import type { Db } from "@/lib/db/db";
import { InvalidParamError } from "@/lib/errors";
import { fullName, type UnitOnDate, unitsOn } from "@/lib/units/units-on";
import type { Actor } from "./actor";
import { type Action, authorizeAll } from "./authorize";

/**
 * The units a write's entries name (entries.N.unit), in force on `on`, each checked for the
 * action: a code with no unit that day is a 400 naming its entry, one outside the actor's
 * scope a 403. Returned in the entries' order.
 */
export async function unitsToWrite(
  db: Db,
  actor: Actor,
  action: Action,
  codes: string[],
  on: Date,
  missing: (code: string) => string,
): Promise<(UnitOnDate & { fullName: string })[]> {
  const units = await unitsOn(db, codes, on);
  const resolved = codes.map((code, i) => {
    const unit = units.get(code);
    if (!unit) throw new InvalidParamError(`entries.${i}.unit`, missing(code));
    return { ...unit, fullName: fullName(unit) };
  });
  await authorizeAll(
    db,
    actor,
    action,
    [...units.values()].map((u) => ({ id: u.id, name: fullName(u) })),
  );
  return resolved;
}
