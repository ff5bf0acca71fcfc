"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { reportAction, saveFiguresAction } from "@/app/(staff)/nhap-lieu/actions";
import type { NoticeState } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatsFor } from "@/lib/i18n/locale";
import type { Confirmation } from "./confirm-dialog";
import type { EntryWords } from "./entry-words";
import type { QueuedSave, SendAnswer } from "./outbox";
import type { ReportVerb } from "./report-button";
import { firstOf, outstandingChildren, warnedFigures } from "./report-checks";
import type { Change, useEntryCells } from "./use-entry-cells";
import { useOutbox } from "./use-outbox";

/**
 * A notice said just before the page reloads its data: the reload starts the sheet anew, and
 * the new sheet of the same week shows it (a submit's "sent", say, with the new status).
 */
let carried: { week: string; notice: NoticeState } | null = null;

type Saved = "none" | "server" | "device" | null;

/**
 * What the entry page does: save (to the server, or to the device's queue with no network),
 * submit, approve and unlock reports, each asking first when there is something to look at
 * (warned figures, units below that have not submitted).
 */
export function useEntryActions(props: {
  sheet: EntrySheet;
  rows: SheetRow[];
  cells: ReturnType<typeof useEntryCells>;
  userId: number;
  flash: NoticeState;
  w: EntryWords;
}) {
  const { sheet, rows, cells, userId, w } = props;
  const router = useRouter();
  const [initial] = useState(() => props.flash ?? (carried?.week === sheet.week ? carried.notice : null));
  useEffect(() => {
    carried = null;
  }, []);
  const request = useRequest<FigureConflict>(initial);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const indicatorName = (code: string) => sheet.indicators.find((i) => i.code === code)?.name;
  const rowOf = (code: string) => (sheet.own?.code === code ? sheet.own : rows.find((r) => r.code === code));
  const unitName = (code: string) => rowOf(code)?.name;
  const lastNotice = useRef(request.notice);
  lastNotice.current = request.notice;

  const outbox = useOutbox(userId, {
    loaded: (queue) => {
      for (const queued of queue) if (queued.week === sheet.week) cells.keepLocally(queued.entries);
    },
    answered: (queued, answer) => showAnswer(queued, answer),
  });
  const queuedHere = outbox.queue.filter((q) => q.week === sheet.week);

  function refresh(notice: NoticeState) {
    carried = { week: sheet.week, notice };
    router.refresh();
  }

  /** Keeps a save on the device, to be sent when the network is back; `sent`: it went out unanswered. */
  function keepOnDevice(changes: Change[], sent?: { requestId: string }): Saved {
    try {
      outbox.add({
        week: sheet.week,
        entries: changes,
        requestId: sent?.requestId ?? crypto.randomUUID(),
        sent: !!sent,
      });
    } catch {
      request.setNotice({ kind: "error", text: w.queueFull });
      return null;
    }
    cells.keepLocally(changes);
    request.setNotice({ kind: "warn", text: w.keptOnDevice(changes.length) });
    if (navigator.onLine) void outbox.send();
    return "device";
  }

  /** Keeps a report submission on the device, behind the saves waiting there. */
  function keepSubmitOnDevice(unit: string, requestId?: string) {
    try {
      outbox.add({
        week: sheet.week,
        entries: [],
        requestId: requestId ?? crypto.randomUUID(),
        sent: !!requestId,
        submit: unit,
      });
    } catch {
      request.setNotice({ kind: "error", text: w.queueFull });
      return;
    }
    request.setNotice({ kind: "warn", text: w.submitQueued });
    if (navigator.onLine) void outbox.send();
  }

  function showAnswer(queued: QueuedSave, answer: SendAnswer) {
    const here = queued.week === sheet.week;
    const what = w.queuedWhat(queued.entries.length, formatsFor(w.locale).moment(queued.savedAt));
    const week = here ? "" : w.queuedWeek(formatsFor(w.locale).date(queued.week));
    if (answer.kind === "submitted") {
      const done = w.reportDone("submit", unitName(queued.submit ?? "") ?? "", formatsFor(w.locale).date(queued.week));
      // The figures sent just before it stay said.
      const before = lastNotice.current?.kind === "ok" ? `${lastNotice.current.text} ` : "";
      const notice = { kind: "ok", text: `${before}${done}` } as const;
      request.setNotice(notice);
      if (here) refresh(notice);
    } else if (answer.kind === "saved") {
      if (here) cells.saved(answer.figures);
      request.setNotice({ kind: "ok", text: w.sent(`${what}${week}`) });
    } else if (answer.kind === "conflict") {
      if (here) request.setConflicts(answer.conflicts);
      request.setNotice({
        kind: "warn",
        text: here ? w.sentConflictHere(what) : w.sentConflictElsewhere(`${what}${week}`),
      });
    } else if (answer.kind === "refused") {
      request.setNotice({
        kind: "error",
        text: w.sendRefused(queued.submit ? w.submit : `${what}${week}`, answer.message),
      });
    } else if (answer.kind === "signed-out") {
      request.setNotice({ kind: "error", text: w.signedOut });
    } else if (answer.kind === "other-account") {
      request.setNotice({ kind: "error", text: w.otherAccountSignedIn });
    }
  }

  /** Saves the changed cells; `then` goes on once they are saved after the user confirmed warnings. */
  async function save(confirmed: boolean, then?: () => void): Promise<Saved> {
    if (!cells.dirty) return "none";
    if (cells.invalid.length) {
      request.setNotice({ kind: "error", text: w.fixCells(cells.invalid.slice(0, 3).join("; ")) });
      return null;
    }
    const warnings = cells.changes.flatMap((c) => {
      const row = rows.find((r) => r.code === c.unit) as SheetRow;
      const where = `${sheet.mode === "grid" ? `${row.name} – ` : ""}${indicatorName(c.indicator)}`;
      return cells.warningsOf(row, c.indicator).map((warning) => `${where}: ${warning}`);
    });
    if (warnings.length && !confirmed) {
      setConfirmation({
        title: w.checkFirst(warnings.length),
        ...firstOf(warnings, w.moreItems),
        confirm: w.saveAnyway,
        cancel: w.review,
        onConfirm: () => {
          setConfirmation(null);
          void save(true).then((saved) => (saved === "server" || saved === "device") && then?.());
        },
      });
      return null;
    }
    const changes = cells.changes;
    // Behind saves still waiting on the device, a save waits too: they go out in order.
    if (!navigator.onLine || outbox.queue.length) return keepOnDevice(changes);
    let requestId = "";
    const result = await request.send(
      "save",
      (id) => {
        requestId = id;
        return saveFiguresAction({ requestId: id, week: sheet.week, owner: userId, entries: changes });
      },
      w.lostConnection,
    );
    if (result === null) {
      // No answer: the server may or may not have it. The device's queue sends it again, same id.
      request.forget("save");
      return keepOnDevice(changes, { requestId });
    }
    if (!result.ok) return null;
    if (result.value.status === "conflict") {
      request.setNotice({ kind: "warn", text: w.conflictNotSaved });
      return null;
    }
    const { figures, changed, unchanged } = result.value;
    cells.saved(figures);
    // Saved as typed: shown grouped now, even in the cell the focus is still in (Ctrl+S).
    for (const c of changes) cells.tidy(c.unit, c.indicator);
    request.setNotice({ kind: "ok", text: w.saved(changed, unchanged) });
    return "server";
  }

  /** Asks first when approving warned figures, or submitting while units below have not. */
  function confirmFirst(unit: string, verb: ReportVerb, again: () => void): boolean {
    const row = rowOf(unit);
    const ask = (c: Omit<Confirmation, "onConfirm" | "cancel">) =>
      setConfirmation({
        ...c,
        cancel: w.goBack,
        onConfirm: () => {
          setConfirmation(null);
          again();
        },
      });
    if (verb === "approve" && row) {
      const warned = warnedFigures(sheet, row, cells, w);
      if (!warned.length) return false;
      ask({
        title: w.approveWarned(row.name, warned.length),
        lead: w.approveLead,
        lines: warned,
        confirm: w.approveAnyway,
      });
      return true;
    }
    const open = verb === "submit" && unit === sheet.own?.code ? outstandingChildren(sheet) : [];
    if (!open.length) return false;
    ask({
      title: w.outstanding(open.length, sheet.rows.length),
      lead: w.submitOwnLead,
      ...firstOf(
        open.map((r) => r.name),
        w.moreUnits,
      ),
      confirm: w.submitAnyway,
    });
    return true;
  }

  /** `reason`: an unlock's, as typed in its form. */
  async function changeReport(unit: string, verb: ReportVerb, reason?: string, checked = false) {
    const again = () => void changeReport(unit, verb, reason, true);
    if (!checked && confirmFirst(unit, verb, again)) return;
    if (verb === "submit") {
      const saved = await save(false, again);
      if (saved === null) return;
      // With no network, or saves of the device still to go out first: the report waits behind them.
      if (!navigator.onLine || outbox.queue.length) return keepSubmitOnDevice(unit);
    }
    const key = `report:${unit}:${verb}`;
    let requestId = "";
    const result = await request.send(
      key,
      (id) => {
        requestId = id;
        return reportAction({ requestId: id, week: sheet.week, unit, action: verb, owner: userId, reason });
      },
      w.lostConnectionReport,
    );
    if (result === null && verb === "submit") {
      // Unanswered: the device sends it again with the same id, so it is submitted once.
      request.forget(key);
      return keepSubmitOnDevice(unit, requestId);
    }
    if (result?.ok) {
      const text =
        w.locale === "vi"
          ? result.value.message
          : w.reportDone(verb, unitName(unit) ?? unit, formatsFor(w.locale).date(sheet.week));
      const notice = { kind: "ok", text } as const;
      request.setNotice(notice);
      refresh(notice);
    }
  }

  // Ctrl+S (⌘S) saves, wherever the focus is, instead of the browser saving the page.
  const saveNow = useRef(save);
  useEffect(() => {
    saveNow.current = save;
  });
  const editable = rows.some((r) => r.editable);
  useEffect(() => {
    if (!editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      void saveNow.current(false).then((saved) => {
        if (saved === "none") request.setNotice({ kind: "ok", text: w.nothingUnsaved });
      });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable, request.setNotice, w]);

  return {
    request,
    outbox,
    queuedHere,
    confirmation,
    closeConfirmation: () => setConfirmation(null),
    save,
    changeReport,
    indicatorName,
    unitName,
  };
}
