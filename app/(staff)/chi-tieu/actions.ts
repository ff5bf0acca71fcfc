"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { type AssignOutcome, type AssignTargetsInput, assignTargets } from "@/lib/targets/assign-targets";
import { outcomeStatus } from "@/lib/writes/idempotent-write";

/** The targets page's write, on the service behind POST /api/v1/targets. */
export async function assignTargetsAction(input: AssignTargetsInput): Promise<ActionResult<AssignOutcome>> {
  return runAction((actor) => assignTargets(db(), actor, input), outcomeStatus);
}
