"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import { QUALITY } from "@/lib/i18n/messages/quality";
import { pick } from "@/lib/i18n/phrase";

type Answer = {
  rows?: number;
  errorCount?: number;
  errors?: { line: number; column: string; message: string }[];
  discrepancies?: unknown[];
  error?: { message: string };
};

/** The ministry's upload of a reference extract: sent to /api/v1/reconciliation, its answer shown here. */
export function ReferenceUpload({ locale }: { locale: Locale }) {
  const words = pick(locale, QUALITY);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  return (
    <form
      className="mb-6 rounded border border-slate-200 bg-white p-3 text-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        form.set("requestId", crypto.randomUUID());
        setBusy(true);
        setMessage(null);
        try {
          const response = await fetch("/api/v1/reconciliation", { method: "POST", body: form });
          const answer = (await response.json()) as Answer;
          if (response.ok) {
            setMessage({ ok: true, lines: [words.recDone(answer.rows ?? 0, answer.discrepancies?.length ?? 0)] });
            router.refresh();
          } else if (answer.errors?.length) {
            setMessage({ ok: false, lines: answer.errors.map((e) => `dòng ${e.line}, cột ${e.column}: ${e.message}`) });
          } else setMessage({ ok: false, lines: [answer.error?.message ?? String(response.status)] });
        } catch (error) {
          setMessage({ ok: false, lines: [error instanceof Error ? error.message : String(error)] });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 className="mb-1 font-semibold">{words.recUpload}</h2>
      <p className="mb-2 text-slate-600">{words.recColumns}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          {words.recFile}
          <input type="file" name="file" accept=".csv,.xlsx" required className="max-w-full" />
        </label>
        <label className="flex flex-col gap-1">
          {words.recPercent}
          <input
            name="tolerancePercent"
            inputMode="decimal"
            className="w-24 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          {words.recAbsolute}
          <input
            name="toleranceAbsolute"
            inputMode="numeric"
            className="w-24 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? words.recRunning : words.recRun}
        </Button>
      </div>
      <div aria-live="polite">
        {message ? (
          <ul className={`mt-2 list-disc pl-5 ${message.ok ? "text-emerald-800" : "text-red-700"}`}>
            {message.lines.slice(0, 20).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
