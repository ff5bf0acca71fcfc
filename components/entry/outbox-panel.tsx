import { Button } from "@/components/ui/button";
import { formatsFor } from "@/lib/i18n/locale";
import { useEntryWords } from "./entry-words";
import type { QueuedSave } from "./outbox";

/**
 * What the device holds for the server: the network's state, the saves waiting to be sent
 * (each figure, which week, when it was saved) and a button to send now. Says too whether the
 * page itself is kept on the device for opening with no network.
 */
export function OutboxPanel(props: {
  queue: QueuedSave[];
  online: boolean;
  sending: boolean;
  pageKept: boolean;
  /** Saves on this device made by other accounts: not shown, not sent here. */
  othersWaiting: number;
  onSend: () => void;
  unitName: (code: string) => string | undefined;
  indicatorName: (code: string) => string | undefined;
}) {
  const count = props.queue.reduce((sum, s) => sum + s.entries.length, 0);
  const w = useEntryWords();
  const formatCount = formatsFor(w.locale).count;
  const reports = props.queue.filter((s) => s.submit);
  return (
    <>
      {props.online ? null : (
        <p role="status" className="mb-4 rounded border border-slate-400 bg-slate-100 px-3 py-2 text-sm">
          {w.offline}
        </p>
      )}
      {count || reports.length ? (
        <section
          aria-labelledby="outbox-heading"
          className="mb-4 rounded border border-sky-300 bg-sky-50 p-3 text-sm"
          data-testid="outbox"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="outbox-heading" className="font-semibold">
              {count ? w.waiting(count) : w.submitWaitingLine}
            </h2>
            <Button size="sm" disabled={props.sending || !props.online} onClick={props.onSend}>
              {props.sending ? w.sending : w.sendNow}
            </Button>
          </div>
          {reports.map((save) => (
            <p key={save.requestId} className="mt-2">
              {w.queuedReport(
                props.unitName(save.submit ?? "") ?? save.submit ?? "",
                formatsFor(w.locale).date(save.week),
                formatsFor(w.locale).moment(save.savedAt),
              )}
            </p>
          ))}
          {props.queue
            .filter((s) => !s.submit)
            .map((save) => (
              <details key={save.requestId} className="mt-2">
                <summary>
                  {w.queuedLine(
                    formatsFor(w.locale).date(save.week),
                    save.entries.length,
                    formatsFor(w.locale).moment(save.savedAt),
                  )}
                </summary>
                <ul className="mt-1 list-disc pl-6">
                  {save.entries.map((e) => (
                    <li key={`${e.unit}:${e.indicator}`}>
                      {props.unitName(e.unit) ?? e.unit} – {props.indicatorName(e.indicator) ?? e.indicator}:{" "}
                      <span className="font-semibold tabular-nums">{formatCount(e.value)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ))}
        </section>
      ) : null}
      {props.othersWaiting ? (
        <p className="mb-4 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm" data-testid="outbox-others">
          {w.othersWaiting(props.othersWaiting)}
        </p>
      ) : null}
      {props.pageKept ? (
        <p className="mb-2 text-xs text-slate-600" data-testid="offline-ready">
          {w.pageKept}
        </p>
      ) : null}
    </>
  );
}
