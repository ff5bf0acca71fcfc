"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { explainDiscrepancyAction } from "@/app/(staff)/doi-soat/actions";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";

/** Explains one discrepancy with a note; the register reloads once it is recorded. */
export function ExplainForm({ id, locale }: { id: number; locale: Locale }) {
  const words = pick(locale, QUALITY);
  const router = useRouter();
  const field = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {words.recExplain}
      </Button>
    );
  return (
    <form
      className="flex min-w-48 flex-col gap-1"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await explainDiscrepancyAction({ id, note, requestId: crypto.randomUUID() });
        if (!result.ok) return setError(result.error.message);
        router.refresh();
      }}
    >
      <label htmlFor={field} className="text-xs font-semibold">
        {words.recExplainNote}
      </label>
      <textarea
        id={field}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        minLength={3}
        maxLength={500}
        required
        rows={2}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <Button type="submit" size="sm" variant="primary">
        {words.save}
      </Button>
      <p aria-live="polite" className="text-xs text-red-700">
        {error}
      </p>
    </form>
  );
}
