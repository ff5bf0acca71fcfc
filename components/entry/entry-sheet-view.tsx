"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { reportAction, saveFiguresAction } from "@/app/(staff)/nhap-lieu/actions";
import { useOfflineCopy } from "@/components/offline/offline-copy";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice, type NoticeState } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatDateTimeVi, formatIsoDateVi } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locale";
import { ConfirmWarnings } from "./confirm-warnings";
import { EntryGrid } from "./entry-grid";
import { EntryWordsContext, entryWords, useEntryWords } from "./entry-words";
import { FigureConflicts } from "./figure-conflicts";
import type { QueuedSave, SendAnswer } from "./outbox";
import { OutboxPanel } from "./outbox-panel";
import { OwnReportBar } from "./own-report-bar";
import type { ReportVerb } from "./report-button";
import { SingleForm } from "./single-form";
import { type Change, useEntryCells } from "./use-entry-cells";
import { useOutbox } from "./use-outbox";
import { entryQuery, WeekPicker } from "./week-picker";

/**
 * The weekly entry sheet: a commune's form, or a grid of child units × indicators with
 * keyboard navigation, spreadsheet paste, totals and report statuses. Saves send the version
 * each figure was read at, so nobody's figure is silently overwritten. With no network (or no
 * answer) a save waits on the device and is sent later with the same request id: never twice.
 */
export function EntrySheetView(props: {
  sheet: EntrySheet;
  /** The answer to a report form sent without JavaScript. */
  flash: NoticeState;
  /** The request id report buttons send when they work as plain forms. */
  formRequestId: string;
  /** The signed-in user: saves queued on this device are theirs alone. */
  userId: number;
  locale: Locale;
}) {
  const w = entryWords(props.locale);
  // Indicator names in the page's language; everything below reads them from here.
  const sheet = useMemo(
    () =>
      props.locale === "en"
        ? { ...props.sheet, indicators: props.sheet.indicators.map((i) => ({ ...i, name: i.nameEn })) }
        : props.sheet,
    [props.sheet, props.locale],
  );
  const form = { requestId: props.formRequestId, week: sheet.week, back: sheet.unit?.code ?? "" };
  const router = useRouter();
  // From the sheet as the server last sent it: statuses change after a report action.
  const rows = useMemo(() => (sheet.mode === "single" ? (sheet.own ? [sheet.own] : []) : sheet.rows), [sheet]);
  const cells = useEntryCells(sheet, rows);
  const request = useRequest<FigureConflict>(props.flash);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const indicatorName = (code: string) => sheet.indicators.find((i) => i.code === code)?.name;
  const unitName = (code: string) => rows.find((r) => r.code === code)?.name;
  const pageKept = useOfflineCopy();
  const outbox = useOutbox(props.userId, {
    loaded: (queue) => {
      for (const queued of queue) if (queued.week === sheet.week) cells.keepLocally(queued.entries);
    },
    answered: (queued, answer) => showAnswer(queued, answer),
  });
  const weekQueued = outbox.queue.some((q) => q.week === sheet.week);

  /** Keeps a save on the device, to be sent when the network is back; `sent`: it went out unanswered. */
  function keepOnDevice(changes: Change[], sent?: { requestId: string }): false {
    try {
      outbox.add({
        week: sheet.week,
        entries: changes,
        requestId: sent?.requestId ?? crypto.randomUUID(),
        sent: !!sent,
      });
    } catch (error) {
      request.setNotice({ kind: "error", text: (error as Error).message });
      return false;
    }
    cells.keepLocally(changes);
    request.setNotice({
      kind: "warn",
      text: w.keptOnDevice(changes.length),
    });
    if (navigator.onLine) void outbox.send();
    // Not on the server yet: a report must wait for it.
    return false;
  }

  function showAnswer(queued: QueuedSave, answer: SendAnswer) {
    const here = queued.week === sheet.week;
    const what = w.queuedWhat(queued.entries.length, formatDateTimeVi(queued.savedAt));
    const week = here ? "" : w.queuedWeek(formatIsoDateVi(queued.week));
    if (answer.kind === "saved") {
      if (here) cells.saved(answer.figures);
      request.setNotice({ kind: "ok", text: w.sent(`${what}${week}`) });
    } else if (answer.kind === "conflict") {
      if (here) request.setConflicts(answer.conflicts);
      request.setNotice({
        kind: "warn",
        text: here ? w.sentConflictHere(what) : w.sentConflictElsewhere(`${what}${week}`),
      });
    } else if (answer.kind === "refused") {
      request.setNotice({ kind: "error", text: w.sendRefused(`${what}${week}`, answer.message) });
    } else if (answer.kind === "signed-out") {
      request.setNotice({
        kind: "error",
        text: w.signedOut,
      });
    } else if (answer.kind === "other-account") {
      request.setNotice({ kind: "error", text: w.otherAccountSignedIn });
    }
  }

  async function save(confirmed: boolean): Promise<boolean> {
    if (!cells.dirty) return true;
    if (cells.invalid.length) {
      request.setNotice({
        kind: "error",
        text: w.fixCells(cells.invalid.slice(0, 3).join("; ")),
      });
      return false;
    }
    const warnings = cells.changes.flatMap((c) => {
      const row = rows.find((r) => r.code === c.unit) as SheetRow;
      const where = `${sheet.mode === "grid" ? `${row.name} – ` : ""}${indicatorName(c.indicator)}`;
      return cells.warningsOf(row, c.indicator).map((w) => `${where}: ${w}`);
    });
    if (warnings.length && !confirmed) {
      setConfirming(warnings);
      return false;
    }
    setConfirming(null);
    const changes = cells.changes;
    // Behind saves still waiting on the device, a save waits too: they go out in order.
    if (!navigator.onLine || outbox.queue.length) return keepOnDevice(changes);
    let requestId = "";
    const result = await request.send(
      "save",
      (id) => {
        requestId = id;
        return saveFiguresAction({ requestId: id, week: sheet.week, owner: props.userId, entries: changes });
      },
      w.lostConnection,
    );
    if (result === null) {
      // No answer: the server may or may not have it. The device's queue sends it again, same id.
      request.forget("save");
      return keepOnDevice(changes, { requestId });
    }
    if (!result.ok) return false;
    if (result.value.status === "conflict") {
      request.setNotice({
        kind: "warn",
        text: w.conflictNotSaved,
      });
      return false;
    }
    const { figures, changed, unchanged } = result.value;
    cells.saved(figures);
    request.setNotice({
      kind: "ok",
      text: w.saved(changed, unchanged),
    });
    return true;
  }

  async function changeReport(unit: string, verb: ReportVerb) {
    if (verb === "submit" && weekQueued) {
      request.setNotice({
        kind: "error",
        text: w.weekStillQueued,
      });
      return;
    }
    if (verb === "submit" && cells.dirty && !(await save(false))) return;
    const result = await request.send(
      `report:${unit}:${verb}`,
      (requestId) => reportAction({ requestId, week: sheet.week, unit, action: verb }),
      w.lostConnectionReport,
    );
    if (result?.ok) {
      request.setNotice({ kind: "ok", text: result.value.message });
      router.refresh();
    }
  }

  return (
    <EntryWordsContext.Provider value={w}>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{sheet.unit ? sheet.unit.name : w.country}</h1>
          <p className="text-slate-600">
            {w.weekOf(formatIsoDateVi(sheet.week))}
            {sheet.mode === "grid"
              ? w.reportedOf(sheet.completeness.reported, sheet.completeness.submitted, sheet.completeness.total)
              : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          {sheet.mode === "grid" && sheet.hasRatios ? <ColumnGroups sheet={sheet} dirty={cells.dirty} /> : null}
          <WeekPicker sheet={sheet} dirty={cells.dirty} />
        </div>
      </div>
      {sheet.own ? (
        <OwnReportBar own={sheet.own} busy={request.busy} dirty={cells.dirty} form={form} onAction={changeReport} />
      ) : null}
      <OutboxPanel
        queue={outbox.queue}
        online={outbox.online}
        sending={outbox.sending}
        pageKept={pageKept}
        othersWaiting={outbox.others}
        onSend={() => void outbox.send(true)}
        unitName={unitName}
        indicatorName={indicatorName}
      />
      <Notice notice={request.notice} />
      <FigureConflicts
        conflicts={request.conflicts}
        indicatorName={indicatorName}
        onResolve={(conflict, keepMine) => {
          cells.resolve(conflict, keepMine);
          request.setConflicts((old) => old.filter((c) => c !== conflict));
        }}
      />
      <ConfirmWarnings warnings={confirming} onSave={() => save(true)} onReview={() => setConfirming(null)} />
      {sheet.mode === "single" && sheet.own ? (
        <SingleForm sheet={sheet} own={sheet.own} cells={cells} />
      ) : (
        <EntryGrid
          sheet={sheet}
          rows={rows}
          cells={cells}
          busy={request.busy}
          form={form}
          onAction={changeReport}
          onPasted={(lines) => request.setNotice({ kind: "ok", text: w.pasted(lines) })}
        />
      )}
      {rows.some((r) => r.editable) ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button variant="primary" size="lg" disabled={request.busy || !cells.dirty} onClick={() => save(false)}>
            {request.busy ? w.saving : w.save}
          </Button>
          <span className="text-sm text-slate-600">
            {cells.dirty ? w.unsaved(cells.changes.length) : w.nothingUnsaved}
            {sheet.mode === "grid" ? w.gridHelp : ""}
          </span>
        </div>
      ) : null}
    </EntryWordsContext.Provider>
  );
}

/** The grid's two groups of columns, as links (they work without JavaScript); asks first when typed figures would be lost. */
function ColumnGroups({ sheet, dirty }: { sheet: EntrySheet; dirty: boolean }) {
  const w = useEntryWords();
  const groups = [
    { columns: "counts", label: w.countColumns },
    { columns: "ratios", label: w.ratioColumns },
  ] as const;
  return (
    <nav aria-label={w.columnGroups} className="flex gap-1 text-sm">
      {groups.map((g) => (
        <a
          key={g.columns}
          href={`/nhap-lieu?${entryQuery(sheet, { columns: g.columns })}`}
          aria-current={sheet.columns === g.columns ? "page" : undefined}
          onClick={(e) => {
            if (dirty && !window.confirm(w.leaveWeek)) e.preventDefault();
          }}
          className={buttonClass({ variant: sheet.columns === g.columns ? "primary" : "secondary" })}
        >
          {g.label}
        </a>
      ))}
    </nav>
  );
}
