"use server";

import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import type { ReportActionInput, SaveFiguresInput } from "@/lib/entry/entry-input";
import { changeReportStatus, type ReportOutcome } from "@/lib/entry/report-status";
import { type SaveOutcome, saveFigures } from "@/lib/entry/save-figures";
import { UNLOCK_REASON } from "@/lib/entry/unlock-reason";
import { setFlash } from "@/lib/http/flash";
import { outcomeStatus } from "@/lib/writes/idempotent-write";

// The entry page's writes, on the services behind POST /api/v1/entry/figures and /reports.
// Inputs are parsed by the services: an action can be called with anything.

export async function saveFiguresAction(input: SaveFiguresInput): Promise<ActionResult<SaveOutcome>> {
  return runAction((actor) => saveFigures(db(), actor, input), outcomeStatus);
}

/**
 * The report buttons sent as plain forms (no JavaScript): the same change, then back to the
 * entry page with the answer shown there.
 */
export async function reportFormAction(form: FormData): Promise<void> {
  const field = (name: string) => String(form.get(name) ?? "").slice(0, 100);
  const input = {
    requestId: field("requestId"),
    week: field("week"),
    unit: field("unit"),
    action: field("action"),
    // An unlock's reason: one character past its ceiling, so a longer one is refused, not cut.
    ...(form.has("reason") ? { reason: String(form.get("reason")).slice(0, UNLOCK_REASON.max + 1) } : {}),
  };
  const result = await runAction((actor) => changeReportStatus(db(), actor, input));
  await setFlash(
    result.ok ? { kind: "ok", text: result.value.message } : { kind: "error", text: result.error.message },
    "/nhap-lieu",
  );
  // The page the form was on: a path of our own, whatever the fields hold.
  redirect(`/nhap-lieu?${new URLSearchParams({ unit: field("back"), week: input.week })}`);
}

export async function reportAction(input: ReportActionInput): Promise<ActionResult<ReportOutcome>> {
  return runAction((actor) => changeReportStatus(db(), actor, input));
}
