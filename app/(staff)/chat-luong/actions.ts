"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { checkFlag, type TFlagCheck } from "@/lib/quality/check-flag";

/** Marks a flag of the week "đã kiểm tra" with a note (the service checks the scope and audits it). */
export async function checkFlagAction(input: TFlagCheck): Promise<ActionResult<{ key: string; note: string }>> {
  return runAction((actor) => checkFlag(db(), actor, input));
}
