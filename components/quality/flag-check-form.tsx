"use client";

import { checkFlagAction } from "@/app/(staff)/chat-luong/actions";
import type { Locale } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";
import { NoteForm } from "./note-form";

/** "Đã kiểm tra" with a note, for one flag; the page reloads its list once it is recorded. */
export function FlagCheckForm(props: { week: string; flagKey: string; locale: Locale }) {
  const words = pick(props.locale, QUALITY);
  return (
    <NoteForm
      open={words.markChecked}
      label={words.note}
      save={words.save}
      saved={words.saved}
      send={(note) => checkFlagAction({ week: props.week, key: props.flagKey, note, requestId: crypto.randomUUID() })}
    />
  );
}
