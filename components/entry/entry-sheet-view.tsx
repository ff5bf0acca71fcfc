"use client";

import { useMemo } from "react";
import { useOfflineCopy } from "@/components/offline/offline-copy";
import { buttonClass } from "@/components/ui/button";
import { Notice, type NoticeState } from "@/components/ui/notice";
import type { EntrySheet } from "@/lib/entry/get-entry-sheet";
import type { Locale } from "@/lib/i18n/locale";
import { formatsFor } from "@/lib/i18n/locale";
import { ConfirmDialog } from "./confirm-dialog";
import { EntryGrid } from "./entry-grid";
import { EntryWordsContext, entryWords, useEntryWords } from "./entry-words";
import { FigureConflicts } from "./figure-conflicts";
import { OutboxPanel } from "./outbox-panel";
import { OwnReportBar } from "./own-report-bar";
import { SaveBar, SkipLinks } from "./save-bar";
import { SingleForm } from "./single-form";
import { useEntryActions } from "./use-entry-actions";
import { useEntryCells } from "./use-entry-cells";
import { entryQuery, WeekPicker } from "./week-picker";

/**
 * The weekly entry sheet: a commune's form, or a grid of child units × indicators with
 * keyboard navigation, spreadsheet paste, totals and report statuses. Saves send the version
 * each figure was read at, so nobody's figure is silently overwritten. With no network (or no
 * answer) a save or a report waits on the device and is sent later with the same request id:
 * never twice.
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
        ? {
            ...props.sheet,
            indicators: props.sheet.indicators.map((i) => ({ ...i, name: i.nameEn, baseName: i.baseNameEn })),
          }
        : props.sheet,
    [props.sheet, props.locale],
  );
  const form = { requestId: props.formRequestId, week: sheet.week, back: sheet.unit?.code ?? "" };
  // From the sheet as the server last sent it: statuses change after a report action.
  const rows = useMemo(() => (sheet.mode === "single" ? (sheet.own ? [sheet.own] : []) : sheet.rows), [sheet]);
  const cells = useEntryCells(sheet, rows, props.locale);
  const pageKept = useOfflineCopy();
  const act = useEntryActions({ sheet, rows, cells, userId: props.userId, flash: props.flash, w });
  const { request, outbox } = act;
  const editable = rows.some((r) => r.editable);
  const submitQueued = act.queuedHere.some((q) => q.submit);

  return (
    <EntryWordsContext.Provider value={w}>
      {editable ? <SkipLinks /> : null}
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{sheet.unit ? sheet.unit.name : w.country}</h1>
          <p className="text-slate-600">
            {w.weekOf(formatsFor(w.locale).date(sheet.week))}
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
        <OwnReportBar
          own={sheet.own}
          busy={request.busy}
          dirty={cells.dirty}
          queued={submitQueued}
          form={form}
          onAction={act.changeReport}
        />
      ) : null}
      <OutboxPanel
        queue={outbox.queue}
        online={outbox.online}
        sending={outbox.sending}
        pageKept={pageKept}
        othersWaiting={outbox.others}
        onSend={() => void outbox.send(true)}
        unitName={act.unitName}
        indicatorName={act.indicatorName}
      />
      <Notice notice={request.notice} />
      <FigureConflicts
        conflicts={request.conflicts}
        indicatorName={act.indicatorName}
        onResolve={(conflict, keepMine) => {
          cells.resolve(conflict, keepMine);
          request.setConflicts((old) => old.filter((c) => c !== conflict));
        }}
      />
      <ConfirmDialog confirmation={act.confirmation} onClose={act.closeConfirmation} />
      {sheet.mode === "single" && sheet.own ? (
        <SingleForm sheet={sheet} own={sheet.own} cells={cells} />
      ) : (
        <EntryGrid
          sheet={sheet}
          rows={rows}
          cells={cells}
          busy={request.busy}
          form={form}
          onAction={act.changeReport}
          onPasted={(lines) => request.setNotice({ kind: "ok", text: w.pasted(lines) })}
        />
      )}
      {editable ? (
        <SaveBar
          busy={request.busy}
          dirty={cells.dirty}
          unsaved={cells.changes.length}
          invalid={cells.invalid.length}
          onDevice={act.queuedHere.reduce((n, q) => n + q.entries.length, 0)}
          submitQueued={submitQueued}
          grid={sheet.mode === "grid"}
          onSave={() => void act.save(false)}
        />
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
