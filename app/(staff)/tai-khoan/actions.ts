"use server";

import { inActorScope } from "@/lib/access/authorize";
import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { manageUser, type UserActionInput, type UserActionOutcome } from "@/lib/auth/manage-users";
import { db } from "@/lib/db/client";
import { todayInVietnam } from "@/lib/format/dates";
import { searchUnits, type UnitMatch } from "@/lib/units/search-units";

/** The accounts page's write, on the service behind POST /api/v1/users. */
export async function manageUserAction(input: UserActionInput): Promise<ActionResult<UserActionOutcome>> {
  return runAction((actor) => manageUser(db(), actor, input));
}

/** The unit picker's search: units in force today within the signed-in user's scope. */
export async function searchUnitsAction(query: string): Promise<ActionResult<UnitMatch[]>> {
  return runAction((actor) =>
    searchUnits(db(), inActorScope(actor, "u.id"), typeof query === "string" ? query : "", todayInVietnam()),
  );
}
