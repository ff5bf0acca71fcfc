"use server";

import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { ZRequestId } from "@/lib/entry/entry-input";
import {
  editIndicator,
  type IndicatorEdit,
  restoreIndicator,
  retireIndicator,
} from "@/lib/indicator-definitions/change-indicator";
import {
  type DefinedIndicator,
  defineIndicator,
  type IndicatorDefinition,
} from "@/lib/indicator-definitions/define-indicator";

const requestIdOf = (requestId: unknown) => {
  const id = ZRequestId.safeParse(requestId);
  return id.success ? id.data : null;
};

/** The indicators page's write: defines an indicator (the service checks the role). */
export async function defineIndicatorAction(
  input: IndicatorDefinition & { requestId?: string },
): Promise<ActionResult<DefinedIndicator>> {
  return runAction((actor) => {
    const { requestId, ...definition } = input ?? {};
    return defineIndicator(db(), actor, definition, requestIdOf(requestId));
  });
}

/** Edits an indicator's names, components, bands or first week (the service checks the role). */
export async function editIndicatorAction(
  input: IndicatorEdit & { requestId?: string },
): Promise<ActionResult<{ code: string; changed: string[] }>> {
  return runAction((actor) => {
    const { requestId, ...edit } = input ?? {};
    return editIndicator(db(), actor, edit, requestIdOf(requestId));
  });
}

/** Retires an indicator with a reason, or (restore) puts it back in use. */
export async function retireIndicatorAction(input: {
  code: string;
  reason?: string;
  restore?: boolean;
  requestId?: string;
}): Promise<ActionResult<{ code: string }>> {
  return runAction((actor) => {
    const { requestId, restore, ...rest } = input ?? {};
    return restore
      ? restoreIndicator(db(), actor, { code: rest.code }, requestIdOf(requestId))
      : retireIndicator(db(), actor, rest, requestIdOf(requestId));
  });
}
