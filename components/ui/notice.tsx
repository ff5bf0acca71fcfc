export type NoticeState = { kind: "ok" | "warn" | "error"; text: string } | null;

const TONE = {
  ok: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warn: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-800",
} as const;

/** The answer to what the user just did, read out by screen readers; errors as alerts. */
export function Notice({ notice, children }: { notice: NoticeState; children?: React.ReactNode }) {
  return (
    <div aria-live="polite">
      {notice ? (
        <div
          role={notice.kind === "error" ? "alert" : "status"}
          className={`mb-4 rounded border px-3 py-2 text-sm ${TONE[notice.kind]}`}
        >
          <p>{notice.text}</p>
          {children}
        </div>
      ) : null}
    </div>
  );
}
