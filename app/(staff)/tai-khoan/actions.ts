"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { manageUser, type UserActionInput, type UserActionOutcome } from "@/lib/auth/manage-users";
import { db } from "@/lib/db/client";

/** The accounts page's write, on the service behind POST /api/v1/users. */
export async function manageUserAction(input: UserActionInput): Promise<ActionResult<UserActionOutcome>> {
  return runAction((actor) => manageUser(db(), actor, input));
}
