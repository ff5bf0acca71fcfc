"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { ZRequestId } from "@/lib/entry/entry-input";
import {
  type DefinedIndicator,
  defineIndicator,
  type IndicatorDefinition,
} from "@/lib/indicator-definitions/define-indicator";

/** The indicators page's write: defines an indicator (the service checks the role). */
export async function defineIndicatorAction(
  input: IndicatorDefinition & { requestId?: string },
): Promise<ActionResult<DefinedIndicator>> {
  return runAction((actor) => {
    const { requestId, ...definition } = input ?? {};
    const id = ZRequestId.safeParse(requestId);
    return defineIndicator(db(), actor, definition, id.success ? id.data : null);
  });
}
