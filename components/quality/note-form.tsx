"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A button that opens a note's field (3–500 characters) and sends it; the page reloads once
 * it is recorded. Marking a flag checked and explaining a discrepancy both take one.
 */
export function NoteForm(props: {
  open: string;
  label: string;
  save: string;
  /** Said once the note is recorded (nothing: the reloaded page says it). */
  saved?: string;
  send: (note: string) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!open)
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {props.open}
      </Button>
    );
  return (
    <form
      className="flex min-w-48 flex-col gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await props.send(note);
        setBusy(false);
        if (!result.ok) return setMessage({ ok: false, text: result.error.message });
        if (props.saved) setMessage({ ok: true, text: props.saved });
        router.refresh();
      }}
    >
      <label htmlFor={id} className="text-sm font-semibold">
        {props.label}
      </label>
      <textarea
        id={id}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        minLength={3}
        maxLength={500}
        required
        rows={2}
        aria-describedby={`${id}-message`}
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={busy}>
          {props.save}
        </Button>
        <p
          id={`${id}-message`}
          aria-live="polite"
          className={`text-sm ${message?.ok ? "text-emerald-800" : "text-red-700"}`}
        >
          {message?.text}
        </p>
      </div>
    </form>
  );
}
