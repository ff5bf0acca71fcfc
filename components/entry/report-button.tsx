"use client";

import { useId } from "react";
import { reportFormAction } from "@/app/(staff)/nhap-lieu/actions";
import { Button, type ButtonSize, buttonClass } from "@/components/ui/button";
import { UNLOCK_REASON } from "@/lib/entry/unlock-reason";
import { useEntryWords } from "./entry-words";

/** What a report button does to a unit's week. */
export type ReportVerb = "submit" | "approve" | "unlock" | "return";

export type ReportForm = { requestId: string; week: string; back: string };

/** What the page does when a report button is pressed (`reason`: an unlock's or a return's). */
export type ReportHandler = (unit: string, verb: ReportVerb, reason?: string) => void;

function HiddenFields({ unit, verb, report }: { unit: string; verb: ReportVerb; report: ReportForm }) {
  return (
    <>
      <input type="hidden" name="requestId" value={report.requestId} />
      <input type="hidden" name="week" value={report.week} />
      <input type="hidden" name="back" value={report.back} />
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="action" value={verb} />
    </>
  );
}

/**
 * A report action's button. With JavaScript it runs `onAction` (the page stays, typed
 * figures are kept); without, it sends a plain form to the same service and the page reloads.
 */
export function ReportButton(
  props: {
    unit: string;
    verb: ReportVerb;
    report: ReportForm;
    onAction: ReportHandler;
    children: React.ReactNode;
  } & Omit<React.ComponentProps<typeof Button>, "onClick" | "type" | "form">,
) {
  const { unit, verb, report, onAction, children, ...button } = props;
  if (verb === "unlock" || verb === "return")
    return <ReasonButton {...{ unit, verb, report, onAction }} size={button.size} disabled={button.disabled} />;
  return (
    <form action={reportFormAction} className="inline">
      <HiddenFields {...{ unit, verb, report }} />
      <Button
        type="submit"
        {...button}
        onClick={(event) => {
          event.preventDefault();
          onAction(unit, verb);
        }}
      >
        {children}
      </Button>
    </form>
  );
}

/**
 * Unlocking and returning ask why first: a disclosure (no JavaScript needed) opens the
 * reason's field and the confirming button. The browser checks the length before sending;
 * the service again.
 */
function ReasonButton(props: {
  unit: string;
  verb: "unlock" | "return";
  report: ReportForm;
  onAction: ReportHandler;
  size?: ButtonSize;
  disabled?: boolean;
}) {
  const { unit, verb, report, onAction, size, disabled } = props;
  const w = useEntryWords();
  const words =
    verb === "unlock"
      ? { open: w.unlockOpen, reason: w.unlockReason, hint: w.unlockReasonHint, confirm: w.unlockConfirm }
      : { open: w.returnOpen, reason: w.returnReason, hint: w.returnReasonHint, confirm: w.returnConfirm };
  const id = useId();
  return (
    <details className="group inline-block whitespace-normal align-top">
      <summary
        className={`${buttonClass({ size, className: "inline-block cursor-pointer list-none font-semibold" })} [&::-webkit-details-marker]:hidden`}
      >
        {words.open}
      </summary>
      <form
        action={reportFormAction}
        className="mt-2 flex w-64 flex-col gap-1 rounded border border-slate-300 bg-white p-2 text-left text-sm shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          onAction(unit, verb, String(new FormData(event.currentTarget).get("reason") ?? ""));
        }}
      >
        <HiddenFields {...{ unit, report, verb }} />
        <label htmlFor={id} className="font-semibold">
          {words.reason}
        </label>
        <textarea
          id={id}
          name="reason"
          required
          minLength={UNLOCK_REASON.min}
          maxLength={UNLOCK_REASON.max}
          rows={3}
          aria-describedby={`${id}-hint`}
          className="rounded border border-slate-400 px-2 py-1"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {words.hint}
        </p>
        <Button type="submit" size="sm" className="self-start font-semibold" disabled={disabled}>
          {words.confirm}
        </Button>
      </form>
    </details>
  );
}
