"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ClipboardEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { figureWarnings, parseTypedCount } from "@/lib/entry/figure-warnings";
import type { EntrySheet, SheetRow } from "@/lib/entry/get-entry-sheet";
import type { FigureConflict, SaveOutcome } from "@/lib/entry/save-figures";

type Base = Record<string, Record<string, { value: number | null; version: number }>>;
type Texts = Record<string, Record<string, string>>;
type Notice = { kind: "ok" | "error" | "warn"; text: string } | null;

const STATUS: Record<SheetRow["status"], { label: string; className: string }> = {
  OPEN: { label: "Chưa gửi", className: "bg-slate-100 text-slate-700" },
  SUBMITTED: { label: "Đã gửi, chờ duyệt", className: "bg-amber-100 text-amber-900" },
  APPROVED: { label: "Đã duyệt, đã khoá", className: "bg-emerald-100 text-emerald-900" },
};

const vi = (iso: string) => iso.split("-").reverse().join("/");
const count = (n: number | null) => (n === null ? "" : n.toLocaleString("vi-VN"));

async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  } finally {
    clearTimeout(timer);
  }
}

function errorText(body: Record<string, unknown>): string {
  const error = body.error as { message?: string } | undefined;
  return error?.message ?? "Không thực hiện được; vui lòng thử lại.";
}

/**
 * The weekly entry sheet: a commune's form (indicators down the page, last week beside each)
 * or a grid of child units × indicators with keyboard navigation, spreadsheet paste, totals
 * and report statuses. Saves send the version each figure was read at, so nobody's figure is
 * silently overwritten; a retry after a lost connection reuses the same request id.
 */
export function EntrySheetView({ sheet }: { sheet: EntrySheet }) {
  const router = useRouter();
  const rows = sheet.mode === "single" ? (sheet.own ? [sheet.own] : []) : sheet.rows;
  const [base, setBase] = useState<Base>(() =>
    Object.fromEntries(
      rows.map((r) => [
        r.code,
        Object.fromEntries(
          sheet.indicators.map((i) => [
            i.code,
            { value: r.cells[i.code]?.value ?? null, version: r.cells[i.code]?.version ?? 0 },
          ]),
        ),
      ]),
    ),
  );
  const [texts, setTexts] = useState<Texts>(() =>
    Object.fromEntries(
      rows.map((r) => [
        r.code,
        Object.fromEntries(sheet.indicators.map((i) => [i.code, count(r.cells[i.code]?.value ?? null)])),
      ]),
    ),
  );
  const [notice, setNotice] = useState<Notice>(null);
  const [conflicts, setConflicts] = useState<FigureConflict[]>([]);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  // Kept across retries of the same save, replaced once the server has answered.
  const pendingRequest = useRef<string | null>(null);

  const parsed = useMemo(() => {
    const out: Record<string, Record<string, ReturnType<typeof parseTypedCount>>> = {};
    for (const r of rows) {
      out[r.code] = {};
      for (const i of sheet.indicators)
        (out[r.code] as Record<string, ReturnType<typeof parseTypedCount>>)[i.code] = parseTypedCount(
          texts[r.code]?.[i.code] ?? "",
        );
    }
    return out;
  }, [texts, rows, sheet.indicators]);

  const changes = useMemo(() => {
    const list: { unit: string; indicator: string; value: number; version: number }[] = [];
    for (const r of rows) {
      if (!r.editable) continue;
      for (const i of sheet.indicators) {
        const typed = parsed[r.code]?.[i.code];
        const was = base[r.code]?.[i.code];
        if (!typed || typed.error || typed.value === null || !was) continue;
        if (typed.value !== was.value)
          list.push({ unit: r.code, indicator: i.code, value: typed.value, version: was.version });
      }
    }
    return list;
  }, [parsed, base, rows, sheet.indicators]);
  const errors = rows.flatMap((r) =>
    sheet.indicators.filter((i) => parsed[r.code]?.[i.code]?.error).map((i) => `${r.name}: ${i.name}`),
  );
  const dirty = changes.length > 0;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const warningsOf = (row: SheetRow, indicator: string): string[] => {
    const meta = sheet.indicators.find((i) => i.code === indicator);
    const cell = row.cells[indicator];
    const eligibleText = parsed[row.code]?.CCCD_ELIGIBLE;
    return figureWarnings({
      value: parsed[row.code]?.[indicator]?.value ?? null,
      previous: cell?.previous ?? null,
      usualIncrease: cell?.usualIncrease ?? null,
      cumulative: meta?.kind === "CUMULATIVE",
      eligible: eligibleText?.value ?? null,
      isIntake: indicator === "CCCD_INTAKE",
    });
  };

  async function save(confirmed: boolean): Promise<boolean> {
    if (!dirty) return true;
    if (errors.length) {
      setNotice({ kind: "error", text: `Sửa các ô chưa hợp lệ trước khi lưu: ${errors.slice(0, 3).join("; ")}.` });
      return false;
    }
    const warnings = changes.flatMap((c) => {
      const row = rows.find((r) => r.code === c.unit) as SheetRow;
      const name = sheet.indicators.find((i) => i.code === c.indicator)?.name;
      return warningsOf(row, c.indicator).map((w) => `${sheet.mode === "grid" ? `${row.name} – ` : ""}${name}: ${w}`);
    });
    if (warnings.length && !confirmed) {
      setConfirming(warnings);
      return false;
    }
    setConfirming(null);
    setBusy(true);
    pendingRequest.current ??= crypto.randomUUID();
    try {
      const { status, body } = await postJson("/api/v1/entry/figures", {
        requestId: pendingRequest.current,
        week: sheet.week,
        entries: changes,
      });
      pendingRequest.current = null;
      if (status === 200) {
        const outcome = body as Extract<SaveOutcome, { status: "saved" }>;
        setBase((old) => {
          const next = structuredClone(old);
          for (const f of outcome.figures)
            if (next[f.unit]) (next[f.unit] as Base[string])[f.indicator] = { value: f.value, version: f.version };
          return next;
        });
        setConflicts([]);
        setNotice({
          kind: "ok",
          text: `Đã lưu ${outcome.changed} số liệu${outcome.unchanged ? ` (${outcome.unchanged} ô không đổi)` : ""}.`,
        });
        return true;
      }
      if (status === 409) {
        setConflicts((body as Extract<SaveOutcome, { status: "conflict" }>).conflicts);
        setNotice({
          kind: "warn",
          text: "Chưa lưu: có người đã sửa số liệu này sau khi bạn mở trang. Xem và chọn giá trị bên dưới.",
        });
        return false;
      }
      if (status === 401) {
        setNotice({
          kind: "error",
          text: "Phiên đăng nhập đã hết. Đăng nhập lại ở tab khác rồi bấm Lưu; số liệu đang nhập vẫn giữ trên trang này.",
        });
        return false;
      }
      setNotice({ kind: "error", text: errorText(body) });
      return false;
    } catch {
      // The request id is kept: saving again cannot create a second change.
      setNotice({
        kind: "error",
        text: "Mất kết nối tới máy chủ; chưa chắc số liệu đã được lưu. Bấm Lưu lại — hệ thống không ghi trùng.",
      });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function reportAction(unit: string, action: "submit" | "approve" | "unlock") {
    if (action === "submit" && dirty && !(await save(false))) return;
    setBusy(true);
    try {
      const { status, body } = await postJson("/api/v1/entry/reports", {
        requestId: crypto.randomUUID(),
        week: sheet.week,
        unit,
        action,
      });
      if (status === 200) {
        setNotice({ kind: "ok", text: String(body.message ?? "Đã cập nhật.") });
        router.refresh();
      } else setNotice({ kind: "error", text: errorText(body) });
    } catch {
      setNotice({ kind: "error", text: "Mất kết nối tới máy chủ; tải lại trang để xem trạng thái báo cáo." });
    } finally {
      setBusy(false);
    }
  }

  function resolveConflict(conflict: FigureConflict, keepMine: boolean) {
    setBase((old) => {
      const next = structuredClone(old);
      const row = next[conflict.unit];
      if (row) row[conflict.indicator] = { value: conflict.current, version: conflict.currentVersion };
      return next;
    });
    if (!keepMine)
      setTexts((old) => ({
        ...old,
        [conflict.unit]: {
          ...old[conflict.unit],
          [conflict.indicator]: count(conflict.current),
        },
      }));
    setConflicts((old) => old.filter((c) => c !== conflict));
  }

  function setText(unit: string, indicator: string, text: string) {
    setTexts((old) => ({ ...old, [unit]: { ...old[unit], [indicator]: text } }));
  }

  function move(row: number, col: number) {
    const target = document.querySelector<HTMLInputElement>(`[data-cell="${row}:${col}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    const input = event.currentTarget;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)) {
      event.preventDefault();
      move(row + 1, col);
    } else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) {
      event.preventDefault();
      move(row - 1, col);
    } else if (event.key === "ArrowRight" && input.selectionStart === input.value.length) {
      event.preventDefault();
      move(row, col + 1);
    } else if (event.key === "ArrowLeft" && input.selectionEnd === 0) {
      event.preventDefault();
      move(row, col - 1);
    }
  }

  // A block copied from a spreadsheet (tab-separated lines) fills the grid from this cell.
  function onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, col: number) {
    const text = event.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    const lines = text.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    setTexts((old) => {
      const next = structuredClone(old);
      lines.forEach((line, dr) => {
        const target = rows[row + dr];
        if (!target?.editable) return;
        line.split("\t").forEach((value, dc) => {
          const indicator = sheet.indicators[col + dc];
          if (indicator && next[target.code])
            (next[target.code] as Record<string, string>)[indicator.code] = value.trim();
        });
      });
      return next;
    });
    setNotice({ kind: "ok", text: `Đã dán ${lines.length} dòng; kiểm tra rồi bấm Lưu.` });
  }

  const totals = sheet.indicators.map((i) => rows.reduce((sum, r) => sum + (parsed[r.code]?.[i.code]?.value ?? 0), 0));
  const own = sheet.own;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{sheet.unit ? sheet.unit.name : "Toàn quốc"}</h1>
          <p className="text-slate-600">
            Số liệu tuần kết thúc Chủ nhật {vi(sheet.week)}
            {sheet.mode === "grid"
              ? ` · đã báo cáo ${sheet.completeness.reported}/${sheet.completeness.total} đơn vị`
              : ""}
          </p>
        </div>
        <form className="flex items-end gap-2" action="/nhap-lieu">
          {sheet.unit ? <input type="hidden" name="unit" value={sheet.unit.code} /> : null}
          <label className="flex flex-col gap-1 text-sm font-semibold">
            Tuần báo cáo
            <select
              name="week"
              defaultValue={sheet.week}
              className="rounded border border-slate-400 px-2 py-1.5 font-normal"
              onChange={(e) => {
                if (!dirty || window.confirm("Số liệu chưa lưu sẽ mất. Chuyển tuần?"))
                  router.push(
                    `/nhap-lieu?${new URLSearchParams({ ...(sheet.unit ? { unit: sheet.unit.code } : {}), week: e.target.value })}`,
                  );
              }}
            >
              {sheet.weeks.map((w) => (
                <option key={w} value={w}>
                  {vi(w)}
                </option>
              ))}
            </select>
          </label>
          <noscript>
            <button type="submit" className="rounded border px-2 py-1">
              Xem
            </button>
          </noscript>
        </form>
      </div>

      {own ? (
        <div className="mb-4 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
          <span>
            Báo cáo của {own.name}:{" "}
            <span className={`rounded px-2 py-0.5 font-semibold ${STATUS[own.status].className}`}>
              {STATUS[own.status].label}
            </span>
            {own.approvedBy ? <span className="text-slate-600"> · duyệt bởi {own.approvedBy}</span> : null}
          </span>
          {own.canSubmit ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => reportAction(own.code, "submit")}
              className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
            >
              {dirty ? "Lưu và gửi báo cáo" : "Gửi báo cáo"}
            </button>
          ) : null}
          {own.canApprove ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => reportAction(own.code, "approve")}
              className="rounded bg-emerald-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
            >
              Phê duyệt
            </button>
          ) : null}
          {own.canUnlock ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => reportAction(own.code, "unlock")}
              className="rounded border border-slate-400 px-3 py-1.5 font-semibold"
            >
              Mở khoá
            </button>
          ) : null}
          {own.status === "APPROVED" && !own.canUnlock ? (
            <span className="text-slate-600">Báo cáo đã khoá; cần cấp đã duyệt mở khoá nếu phải sửa.</span>
          ) : null}
        </div>
      ) : null}

      <div aria-live="polite">
        {notice ? (
          <p
            role={notice.kind === "error" ? "alert" : "status"}
            className={`mb-4 rounded border px-3 py-2 text-sm ${notice.kind === "ok" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : notice.kind === "warn" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-red-300 bg-red-50 text-red-800"}`}
          >
            {notice.text}
          </p>
        ) : null}
      </div>

      {conflicts.length ? (
        <section
          aria-labelledby="conflicts-heading"
          className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
        >
          <h2 id="conflicts-heading" className="mb-2 font-semibold">
            Số liệu đã bị người khác sửa
          </h2>
          <ul className="flex flex-col gap-2">
            {conflicts.map((c) => (
              <li key={`${c.unit}:${c.indicator}`} className="flex flex-wrap items-center gap-2">
                <span>
                  {c.unitName} – {sheet.indicators.find((i) => i.code === c.indicator)?.name}: bạn nhập{" "}
                  <strong>{count(c.yours)}</strong>, hiện là{" "}
                  <strong>{c.current === null ? "(trống)" : count(c.current)}</strong>
                  {c.changedBy
                    ? ` do ${c.changedBy} lưu lúc ${new Date(c.changedAt as string).toLocaleString("vi-VN")}`
                    : ""}
                  .
                </span>
                <button
                  type="button"
                  className="rounded border border-slate-400 bg-white px-2 py-0.5"
                  onClick={() => resolveConflict(c, false)}
                >
                  Dùng giá trị hiện tại
                </button>
                <button
                  type="button"
                  className="rounded border border-slate-400 bg-white px-2 py-0.5"
                  onClick={() => resolveConflict(c, true)}
                >
                  Giữ giá trị của tôi (lưu lại để ghi)
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {confirming ? (
        <section
          role="alertdialog"
          aria-labelledby="confirm-heading"
          className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
        >
          <h2 id="confirm-heading" className="mb-2 font-semibold">
            Kiểm tra lại trước khi lưu ({confirming.length} cảnh báo)
          </h2>
          <ul className="mb-3 list-disc pl-5">
            {confirming.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <div className="flex gap-2">
            <button
              type="button"
              className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white"
              onClick={() => save(true)}
            >
              Vẫn lưu
            </button>
            <button
              type="button"
              className="rounded border border-slate-400 bg-white px-3 py-1.5"
              onClick={() => setConfirming(null)}
            >
              Xem lại
            </button>
          </div>
        </section>
      ) : null}

      {sheet.mode === "single" && own ? (
        <table className="w-full max-w-3xl border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">
                Chỉ tiêu
              </th>
              <th scope="col" className="p-2 text-right">
                Tuần trước
              </th>
              <th scope="col" className="p-2">
                Tuần này
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.indicators.map((indicator, col) => {
              const cell = own.cells[indicator.code];
              const error = parsed[own.code]?.[indicator.code]?.error;
              const warnings = warningsOf(own, indicator.code);
              const id = `cell-${own.code}-${indicator.code}`;
              return (
                <tr key={indicator.code} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 text-left font-normal">
                    <label htmlFor={id}>{indicator.name}</label>
                  </th>
                  <td className="p-2 text-right tabular-nums text-slate-600">{count(cell?.previous ?? null) || "–"}</td>
                  <td className="p-2">
                    <input
                      id={id}
                      data-cell={`${col}:0`}
                      inputMode="numeric"
                      autoComplete="off"
                      disabled={!own.editable}
                      value={texts[own.code]?.[indicator.code] ?? ""}
                      onChange={(e) => setText(own.code, indicator.code, e.target.value)}
                      onKeyDown={(e) => onKeyDown(e, col, 0)}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error || warnings.length ? `${id}-note` : undefined}
                      className={`w-40 rounded border px-2 py-1 text-right tabular-nums disabled:bg-slate-100 ${error ? "border-red-600" : warnings.length ? "border-amber-500" : "border-slate-400"}`}
                    />
                    {error || warnings.length ? (
                      <p id={`${id}-note`} className={`mt-1 text-xs ${error ? "text-red-700" : "text-amber-800"}`}>
                        {error ?? warnings.join(" ")}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full border-collapse text-sm">
            <thead className="bg-slate-50">
              <tr className="text-left">
                <th scope="col" className="sticky left-0 bg-slate-50 p-2">
                  Đơn vị
                </th>
                {sheet.indicators.map((i) => (
                  <th key={i.code} scope="col" className="min-w-32 p-2 align-bottom text-xs font-semibold">
                    {i.name}
                  </th>
                ))}
                <th scope="col" className="p-2">
                  Báo cáo
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr
                  key={row.code}
                  className={`border-t border-slate-200 ${row.reported ? "" : "bg-amber-50"}`}
                  data-unit={row.code}
                >
                  <th
                    scope="row"
                    className={`sticky left-0 p-2 text-left font-normal ${row.reported ? "bg-white" : "bg-amber-50"}`}
                  >
                    {row.hasChildren ? (
                      <Link
                        href={`/nhap-lieu?unit=${row.code}&week=${sheet.week}`}
                        className="text-brand-700 underline"
                      >
                        {row.name}
                      </Link>
                    ) : (
                      row.name
                    )}
                    {row.reported ? null : (
                      <span className="ml-1 text-xs font-semibold text-amber-800">(chưa báo cáo)</span>
                    )}
                  </th>
                  {sheet.indicators.map((indicator, c) => {
                    const error = parsed[row.code]?.[indicator.code]?.error;
                    const warnings = row.editable ? warningsOf(row, indicator.code) : [];
                    return (
                      <td key={indicator.code} className="p-1">
                        {row.editable ? (
                          <input
                            data-cell={`${r}:${c}`}
                            aria-label={`${row.name} – ${indicator.name}`}
                            inputMode="numeric"
                            autoComplete="off"
                            value={texts[row.code]?.[indicator.code] ?? ""}
                            onChange={(e) => setText(row.code, indicator.code, e.target.value)}
                            onKeyDown={(e) => onKeyDown(e, r, c)}
                            onPaste={(e) => onPaste(e, r, c)}
                            aria-invalid={Boolean(error)}
                            title={error ?? (warnings.join(" ") || undefined)}
                            className={`w-full min-w-24 rounded border px-1.5 py-1 text-right tabular-nums ${error ? "border-red-600 bg-red-50" : warnings.length ? "border-amber-500 bg-amber-50" : "border-slate-300"}`}
                          />
                        ) : (
                          <span className="block px-1.5 text-right tabular-nums">
                            {count(row.cells[indicator.code]?.value ?? null)}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="whitespace-nowrap p-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS[row.status].className}`}>
                      {STATUS[row.status].label}
                    </span>{" "}
                    {row.canApprove ? (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => reportAction(row.code, "approve")}
                        className="rounded bg-emerald-700 px-2 py-0.5 text-xs font-semibold text-white"
                      >
                        Phê duyệt
                      </button>
                    ) : null}
                    {row.canUnlock ? (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => reportAction(row.code, "unlock")}
                        className="rounded border border-slate-400 px-2 py-0.5 text-xs"
                      >
                        Mở khoá
                      </button>
                    ) : null}
                    {row.canSubmit && row.status === "OPEN" && row.reported ? (
                      <button
                        type="button"
                        disabled={busy || dirty}
                        onClick={() => reportAction(row.code, "submit")}
                        className="rounded border border-slate-400 px-2 py-0.5 text-xs"
                      >
                        Gửi thay
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-400 font-semibold">
                <th scope="row" className="sticky left-0 bg-white p-2 text-left">
                  Tổng {rows.length} đơn vị
                </th>
                {totals.map((t, i) => (
                  <td key={sheet.indicators[i]?.code} className="p-2 text-right tabular-nums">
                    {count(t)}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      {rows.some((r) => r.editable) ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={busy || !dirty}
            onClick={() => save(false)}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            {busy ? "Đang lưu…" : "Lưu số liệu"}
          </button>
          <span className="text-sm text-slate-600">
            {dirty ? `${changes.length} ô đã sửa, chưa lưu.` : "Không có thay đổi chưa lưu."}
            {sheet.mode === "grid" ? " Mũi tên/Enter để di chuyển; dán được từ Excel." : ""}
          </span>
        </div>
      ) : null}
    </div>
  );
}
