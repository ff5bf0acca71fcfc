"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { isoDate, parseTypedDate } from "@/lib/format/dates";
import { type AssignOutcome, type AssignTargetsInput, assignTargets } from "@/lib/targets/assign-targets";
import { outcomeStatus } from "@/lib/writes/idempotent-write";

/** The targets page's write, on the service behind POST /api/v1/targets. */
export async function assignTargetsAction(input: AssignTargetsInput): Promise<ActionResult<AssignOutcome>> {
  // The date box sends dd/mm/yyyy as typed (or yyyy-mm-dd); the service reads yyyy-mm-dd.
  const typed = typeof input.deadline === "string" ? parseTypedDate(input.deadline.slice(0, 40)) : null;
  const deadline = typed ? isoDate(typed) : input.deadline;
  return runAction((actor) => assignTargets(db(), actor, { ...input, deadline }), outcomeStatus);
}
