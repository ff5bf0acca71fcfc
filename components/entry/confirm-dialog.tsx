"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Something to confirm before it is done: what it is about, each item to look at, the two answers. */
export type Confirmation = {
  title: string;
  lead?: string;
  lines: string[];
  /** Items not listed ("and 115 more"). */
  more?: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
};

/**
 * A confirmation as a modal dialog: in the middle of the viewport wherever the page is
 * scrolled (a phone's save button at the bottom of a long form, a row far down the grid), with
 * the focus on its first button and Escape for the way back.
 */
export function ConfirmDialog({ confirmation, onClose }: { confirmation: Confirmation | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (confirmation && !box.open) {
      box.showModal();
      box.querySelector("button")?.focus();
    } else if (!confirmation && box.open) box.close();
  }, [confirmation]);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="confirm-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[85dvh] w-[min(40rem,calc(100vw-1.5rem))] overflow-auto rounded-md border border-amber-400 bg-amber-50 p-4 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {confirmation ? (
        <>
          <h2 id="confirm-heading" className="mb-2 text-base font-semibold">
            {confirmation.title}
          </h2>
          {confirmation.lead ? <p className="mb-2">{confirmation.lead}</p> : null}
          <ul className="mb-3 list-disc space-y-1 pl-5">
            {confirmation.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {confirmation.more ? <p className="mb-3 text-slate-700">{confirmation.more}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={confirmation.onConfirm}>
              {confirmation.confirm}
            </Button>
            <Button onClick={onClose}>{confirmation.cancel}</Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
