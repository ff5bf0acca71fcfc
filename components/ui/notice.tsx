import type { ReactNode } from "react";

export type NoticeState = { kind: "ok" | "warn" | "error"; text: string } | null;

const TONE = {
  ok: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warn: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-800",
} as const;

/** A message box in the tone of what it says; errors are alerts, the rest status messages. */
function Message({
  kind,
  className = "",
  children,
}: {
  kind: keyof typeof TONE;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`rounded border px-3 py-2 text-sm ${TONE[kind]} ${className}`}
    >
      {children}
    </div>
  );
}

/** The answer to what the user just did, read out by screen readers; errors as alerts. */
export function Notice({ notice, children }: { notice: NoticeState; children?: ReactNode }) {
  return (
    <div aria-live="polite">
      {notice ? (
        <Message kind={notice.kind} className="mb-4">
          <p>{notice.text}</p>
          {children}
        </Message>
      ) : null}
    </div>
  );
}

/** What went wrong with a form or the page's query, as an alert (nothing when there is no error). */
export function FormError({ error, className }: { error: ReactNode; className?: string }) {
  if (!error) return null;
  return (
    <Message kind="error" className={className}>
      <p>{error}</p>
    </Message>
  );
}
