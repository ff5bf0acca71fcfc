"use client";

import { explainDiscrepancyAction } from "@/app/(staff)/doi-soat/actions";
import type { Locale } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";
import { NoteForm } from "./note-form";

/** Explains one discrepancy with a note; the register reloads once it is recorded. */
export function ExplainForm({ id, locale }: { id: number; locale: Locale }) {
  const words = pick(locale, QUALITY);
  return (
    <NoteForm
      open={words.recExplain}
      label={words.recExplainNote}
      save={words.save}
      send={(note) => explainDiscrepancyAction({ id, note, requestId: crypto.randomUUID() })}
    />
  );
}
