"use client";

import { reportFormAction } from "@/app/(staff)/nhap-lieu/actions";
import { Button } from "@/components/ui/button";

/** What a report button does to a unit's week. */
export type ReportVerb = "submit" | "approve" | "unlock";

export type ReportForm = { requestId: string; week: string; back: string };

/**
 * A report action's button. With JavaScript it runs `onAction` (the page stays, typed
 * figures are kept); without, it sends a plain form to the same service and the page reloads.
 */
export function ReportButton(
  props: {
    unit: string;
    verb: ReportVerb;
    report: ReportForm;
    onAction: (unit: string, verb: ReportVerb) => void;
    children: React.ReactNode;
  } & Omit<React.ComponentProps<typeof Button>, "onClick" | "type" | "form">,
) {
  const { unit, verb, report, onAction, children, ...button } = props;
  return (
    <form action={reportFormAction} className="inline">
      <input type="hidden" name="requestId" value={report.requestId} />
      <input type="hidden" name="week" value={report.week} />
      <input type="hidden" name="back" value={report.back} />
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="action" value={verb} />
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
