"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { reportAction, saveFiguresAction } from "@/app/(staff)/nhap-lieu/actions";
import { Button } from "@/components/ui/button";
import { Notice, type NoticeState } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatIsoDateVi } from "@/lib/format";
import { ConfirmWarnings } from "./confirm-warnings";
import { EntryGrid } from "./entry-grid";
import { FigureConflicts } from "./figure-conflicts";
import { OwnReportBar, type ReportVerb } from "./own-report-bar";
import { SingleForm } from "./single-form";
import { useEntryCells } from "./use-entry-cells";
import { WeekPicker } from "./week-picker";

/**
 * The weekly entry sheet: a commune's form, or a grid of child units × indicators with
 * keyboard navigation, spreadsheet paste, totals and report statuses. Saves send the version
 * each figure was read at, so nobody's figure is silently overwritten; a retry after a lost
 * connection reuses the same request id.
 */
export function EntrySheetView(props: {
  sheet: EntrySheet;
  /** The answer to a report form sent without JavaScript. */
  flash: NoticeState;
  /** The request id report buttons send when they work as plain forms. */
  formRequestId: string;
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
    const result = await request.send(
      "save",
      (requestId) => saveFiguresAction({ requestId, week: sheet.week, entries: cells.changes }),
      "Mất kết nối tới máy chủ; chưa chắc số liệu đã được lưu. Bấm Lưu lại — hệ thống không ghi trùng.",
    );
    if (!result?.ok) return false;
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
