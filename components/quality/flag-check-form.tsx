"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { checkFlagAction } from "@/app/(staff)/chat-luong/actions";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";

/** "Đã kiểm tra" with a note, for one flag; the page reloads its list once it is recorded. */
export function FlagCheckForm(props: { week: string; flagKey: string; locale: Locale }) {
  const words = pick(props.locale, QUALITY);
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!open)
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {words.markChecked}
      </Button>
    );
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await checkFlagAction({
          week: props.week,
          key: props.flagKey,
          note,
          requestId: crypto.randomUUID(),
        });
        setBusy(false);
        if (!result.ok) return setMessage({ ok: false, text: result.error.message });
        setMessage({ ok: true, text: words.saved });
        router.refresh();
      }}
    >
      <label htmlFor={id} className="text-sm font-semibold">
        {words.note}
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
          {words.save}
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
