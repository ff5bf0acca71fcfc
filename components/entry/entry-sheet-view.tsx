"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { reportAction, saveFiguresAction } from "@/app/(staff)/nhap-lieu/actions";
import { useOfflineCopy } from "@/components/offline/offline-copy";
import { Button } from "@/components/ui/button";
import { Notice, type NoticeState } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatDateTimeVi, formatIsoDateVi } from "@/lib/format";
import { ConfirmWarnings } from "./confirm-warnings";
import { EntryGrid } from "./entry-grid";
import { FigureConflicts } from "./figure-conflicts";
import type { QueuedSave, SendAnswer } from "./outbox";
import { OutboxPanel } from "./outbox-panel";
import { OwnReportBar, type ReportVerb } from "./own-report-bar";
import { SingleForm } from "./single-form";
import { type Change, useEntryCells } from "./use-entry-cells";
import { useOutbox } from "./use-outbox";
import { WeekPicker } from "./week-picker";

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
}) {
  const { sheet } = props;
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
      text: `Đã lưu trên máy ${changes.length} số liệu, sẽ gửi khi có mạng. Đừng xoá dữ liệu trình duyệt trước khi gửi xong.`,
    });
    if (navigator.onLine) void outbox.send();
    // Not on the server yet: a report must wait for it.
    return false;
  }

  function showAnswer(queued: QueuedSave, answer: SendAnswer) {
    const here = queued.week === sheet.week;
    const what = `${queued.entries.length} số liệu lưu trên máy lúc ${formatDateTimeVi(queued.savedAt)}`;
    const week = here ? "" : ` (tuần ${formatIsoDateVi(queued.week)})`;
    if (answer.kind === "saved") {
      if (here) cells.saved(answer.figures);
      request.setNotice({ kind: "ok", text: `Đã gửi ${what}${week}.` });
    } else if (answer.kind === "conflict") {
      if (here) request.setConflicts(answer.conflicts);
      request.setNotice({
        kind: "warn",
        text: here
          ? `Chưa gửi được ${what}: có người đã sửa số liệu này trong lúc đó. Xem và chọn giá trị bên dưới.`
          : `Chưa gửi được ${what}${week}: có người đã sửa số liệu trong lúc đó. Mở tuần đó để xem và nhập lại.`,
      });
    } else if (answer.kind === "refused") {
      request.setNotice({ kind: "error", text: `Không gửi được ${what}${week}: ${answer.message}` });
    } else if (answer.kind === "signed-out") {
      request.setNotice({
        kind: "error",
        text: "Phiên đăng nhập đã hết; số liệu vẫn giữ trên máy. Đăng nhập lại để gửi.",
      });
    }
  }

  async function save(confirmed: boolean): Promise<boolean> {
    if (!cells.dirty) return true;
    if (cells.invalid.length) {
      request.setNotice({
        kind: "error",
        text: `Sửa các ô chưa hợp lệ trước khi lưu: ${cells.invalid.slice(0, 3).join("; ")}.`,
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
        return saveFiguresAction({ requestId: id, week: sheet.week, entries: changes });
      },
      "Mất kết nối tới máy chủ.",
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
        text: "Chưa lưu: có người đã sửa số liệu này sau khi bạn mở trang. Xem và chọn giá trị bên dưới.",
      });
      return false;
    }
    const { figures, changed, unchanged } = result.value;
    cells.saved(figures);
    request.setNotice({
      kind: "ok",
      text: `Đã lưu ${changed} số liệu${unchanged ? ` (${unchanged} ô không đổi)` : ""}.`,
    });
    return true;
  }

  async function changeReport(unit: string, verb: ReportVerb) {
    if (verb === "submit" && weekQueued) {
      request.setNotice({
        kind: "error",
        text: "Còn số liệu của tuần này lưu trên máy, chưa gửi. Khi có mạng, chờ gửi xong rồi gửi báo cáo.",
      });
      return;
    }
    if (verb === "submit" && cells.dirty && !(await save(false))) return;
    const result = await request.send(
      `report:${unit}:${verb}`,
      (requestId) => reportAction({ requestId, week: sheet.week, unit, action: verb }),
      "Mất kết nối tới máy chủ; tải lại trang để xem trạng thái báo cáo.",
    );
    if (result?.ok) {
      request.setNotice({ kind: "ok", text: result.value.message });
      router.refresh();
    }
  }

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{sheet.unit ? sheet.unit.name : "Toàn quốc"}</h1>
          <p className="text-slate-600">
            Số liệu tuần kết thúc Chủ nhật {formatIsoDateVi(sheet.week)}
            {sheet.mode === "grid"
              ? ` · đã báo cáo ${sheet.completeness.reported}/${sheet.completeness.total} đơn vị`
              : ""}
          </p>
        </div>
        <WeekPicker sheet={sheet} dirty={cells.dirty} />
      </div>
      {sheet.own ? (
        <OwnReportBar own={sheet.own} busy={request.busy} dirty={cells.dirty} form={form} onAction={changeReport} />
      ) : null}
      <OutboxPanel
        queue={outbox.queue}
        online={outbox.online}
        sending={outbox.sending}
        pageKept={pageKept}
        onSend={() => void outbox.send()}
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
          onPasted={(lines) => request.setNotice({ kind: "ok", text: `Đã dán ${lines} dòng; kiểm tra rồi bấm Lưu.` })}
        />
      )}
      {rows.some((r) => r.editable) ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button variant="primary" size="lg" disabled={request.busy || !cells.dirty} onClick={() => save(false)}>
            {request.busy ? "Đang lưu…" : "Lưu số liệu"}
          </Button>
          <span className="text-sm text-slate-600">
            {cells.dirty ? `${cells.changes.length} ô đã sửa, chưa lưu.` : "Không có thay đổi chưa lưu."}
            {sheet.mode === "grid" ? " Mũi tên/Enter để di chuyển; dán được từ Excel." : ""}
          </span>
        </div>
      ) : null}
    </div>
  );
}
