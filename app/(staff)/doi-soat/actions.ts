"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { explainDiscrepancy } from "@/lib/reconciliation/list-register";

/** Explains a discrepancy of the register with a note (the service checks the scope and audits it). */
export async function explainDiscrepancyAction(input: {
  id: number;
  note: string;
  requestId: string;
}): Promise<ActionResult<{ id: number; status: "EXPLAINED" }>> {
  return runAction((actor) => explainDiscrepancy(db(), actor, input));
}
