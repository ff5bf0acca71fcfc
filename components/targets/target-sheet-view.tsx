"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { parseTypedCount } from "@/lib/entry/figure-warnings";
import type { AssignOutcome, TargetConflict } from "@/lib/targets/assign-targets";
import type { TargetSheet } from "@/lib/targets/target-sheet";

const count = (n: number) => n.toLocaleString("vi-VN");
const vi = (iso: string) => iso.split("-").reverse().join("/");
type Notice = { kind: "ok" | "error"; text: string } | null;

/**
 * A parent's targets for its children: one row per child with the target in force, an input
 * for the new one, and the children's total against the parent's own target (warned when
 * short). Only changed rows are sent, all under the deadline and directive typed above.
 */
export function TargetSheetView({ sheet }: { sheet: TargetSheet }) {
  const router = useRouter();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(sheet.rows.map((r) => [r.code, r.target ? count(r.target.value) : ""])),
  );
  const [deadline, setDeadline] = useState(sheet.unit?.target?.deadline ?? "");
  const [directive, setDirective] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const [conflicts, setConflicts] = useState<TargetConflict[]>([]);
  const [busy, setBusy] = useState(false);
  const pendingRequest = useRef<string | null>(null);

  const parsed = useMemo(
    () =>
      Object.fromEntries(
        sheet.rows.map((r) => {
          const { value } = parseTypedCount(texts[r.code] ?? "");
          return [r.code, value === 0 ? null : value];
        }),
      ),
    [sheet.rows, texts],
  );
  const invalid = sheet.rows.filter((r) => (texts[r.code] ?? "").trim() !== "" && parsed[r.code] === null);
  const total = sheet.rows.reduce((sum, r) => sum + (parsed[r.code] ?? r.target?.value ?? 0), 0);
  const own = sheet.unit?.target?.value ?? null;
  const changed = sheet.rows.filter((r) => {
    const v = parsed[r.code];
    return v !== null && v !== undefined && v !== r.target?.value;
  });

  async function assign() {
    setNotice(null);
    setConflicts([]);
    if (invalid.length) {
      setNotice({
        kind: "error",
        text: `Chỉ tiêu của ${invalid.map((r) => r.name).join(", ")} phải là số nguyên lớn hơn 0.`,
      });
      return;
    }
    if (changed.length === 0) {
      setNotice({ kind: "error", text: "Chưa sửa chỉ tiêu nào." });
      return;
    }
    if (!deadline || !directive.trim()) {
      setNotice({ kind: "error", text: "Điền hạn hoàn thành và số hiệu văn bản giao chỉ tiêu trước khi giao." });
      return;
    }
    pendingRequest.current ??= crypto.randomUUID();
    setBusy(true);
    try {
      const response = await fetch("/api/v1/targets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          requestId: pendingRequest.current,
          indicator: sheet.indicator.code,
          deadline,
          directive,
          entries: changed.map((r) => ({
            unit: r.code,
            value: parsed[r.code],
            basedOn: r.target ? { id: r.target.id, version: r.target.version } : null,
          })),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as AssignOutcome & { error?: { message?: string } };
      pendingRequest.current = null;
      if (response.status === 200 && body.status === "saved") {
        setNotice({ kind: "ok", text: `Đã giao chỉ tiêu: mới ${count(body.created)}, sửa ${count(body.updated)}.` });
        router.refresh();
      } else if (response.status === 409 && body.status === "conflict") {
        setConflicts(body.conflicts);
      } else {
        setNotice({ kind: "error", text: body.error?.message ?? `Máy chủ trả lời lỗi ${response.status}.` });
      }
    } catch {
      setNotice({ kind: "error", text: "Mất kết nối; bấm Giao chỉ tiêu lần nữa (không ghi trùng)." });
    } finally {
      setBusy(false);
    }
  }

  const unitQuery = sheet.unit ? `unit=${sheet.unit.code}&` : "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            Giao chỉ tiêu{sheet.unit ? ` – ${sheet.unit.name}` : " cho các tỉnh, thành phố"}
          </h1>
          {sheet.unit?.parentCode ? (
            <Link
              href={`/chi-tieu?unit=${sheet.unit.parentCode}&indicator=${sheet.indicator.code}`}
              className="text-sm underline"
            >
              ↑ Cấp trên
            </Link>
          ) : null}
        </div>
        <nav aria-label="Chỉ tiêu" className="flex flex-wrap gap-2 text-sm">
          {sheet.indicators.map((i) => (
            <Link
              key={i.code}
              href={`/chi-tieu?${unitQuery}indicator=${i.code}`}
              aria-current={i.code === sheet.indicator.code ? "page" : undefined}
              className={`rounded border px-2 py-1 ${i.code === sheet.indicator.code ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-100"}`}
            >
              {i.name}
            </Link>
          ))}
        </nav>
      </div>

      <section aria-label="Tổng hợp" className="grid gap-3 sm:grid-cols-3">
        <Figure
          label={`Chỉ tiêu của ${sheet.unit ? sheet.unit.name : "toàn quốc"}`}
          value={own === null ? "Chưa được giao" : count(own)}
        >
          {sheet.unit?.target ? `hạn ${vi(sheet.unit.target.deadline)} · ${sheet.unit.target.directive}` : null}
        </Figure>
        <Figure label="Tổng giao cho cấp dưới" value={count(total)}>
          {changed.length ? `gồm ${count(changed.length)} dòng đang sửa` : null}
        </Figure>
        <Figure
          label="Chênh lệch"
          testId="target-difference"
          value={own === null ? "–" : `${total - own >= 0 ? "+" : ""}${count(total - own)}`}
        >
          {own !== null && total < own ? (
            <span role="alert" className="font-semibold text-red-800">
              Tổng chỉ tiêu cấp dưới thấp hơn chỉ tiêu được giao {count(own - total)}.
            </span>
          ) : null}
        </Figure>
      </section>

      {sheet.rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">Đơn vị này không có cấp dưới để giao chỉ tiêu.</p>
      ) : (
        <>
          {sheet.canAssign ? (
            <div className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-3">
              <label className="text-sm font-semibold">
                Hạn hoàn thành
                <input
                  type="date"
                  value={deadline}
                  min={sheet.today}
                  onChange={(e) => setDeadline(e.target.value)}
                  className="mt-1 block rounded border border-slate-300 px-2 py-1 font-normal"
                />
              </label>
              <label className="min-w-64 flex-1 text-sm font-semibold">
                Văn bản giao chỉ tiêu
                <input
                  type="text"
                  value={directive}
                  placeholder="Ví dụ: Điện số 16/HT ngày 21/3/2026"
                  onChange={(e) => setDirective(e.target.value)}
                  className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-normal"
                />
              </label>
              <button
                type="button"
                onClick={assign}
                disabled={busy}
                className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
              >
                {busy ? "Đang giao…" : `Giao chỉ tiêu (${count(changed.length)} đơn vị)`}
              </button>
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              Chỉ cấp trên của các đơn vị này được giao chỉ tiêu; trang chỉ để xem.
            </p>
          )}
          <div aria-live="polite">
            {notice ? (
              <p
                role={notice.kind === "error" ? "alert" : "status"}
                className={`rounded border p-3 ${notice.kind === "ok" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
              >
                {notice.text}
              </p>
            ) : null}
            {conflicts.length ? (
              <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
                <p className="font-semibold">Có người vừa giao chỉ tiêu khác cho các đơn vị sau; chưa ghi gì:</p>
                <ul className="list-disc pl-6">
                  {conflicts.map((c) => (
                    <li key={c.unit}>
                      {c.unitName}: bạn nhập {count(c.yours)}, hiện là{" "}
                      {c.current === null ? "chưa có" : count(c.current)}
                      {c.assignedOn ? ` (giao ngày ${vi(c.assignedOn)})` : ""}.
                    </li>
                  ))}
                </ul>
                <button type="button" className="mt-2 underline" onClick={() => router.refresh()}>
                  Tải lại chỉ tiêu hiện hành
                </button>
              </div>
            ) : null}
          </div>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <thead>
                <tr className="bg-slate-100 text-left">
                  <th scope="col" className="border border-slate-200 px-2 py-1">
                    Đơn vị
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                    Chỉ tiêu hiện hành
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1">
                    Hạn · văn bản
                  </th>
                  <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                    Chỉ tiêu mới
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((r) => (
                  <tr key={r.code} className={r.target ? "" : "bg-amber-50"}>
                    <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
                      <Link href={`/chi-tieu?unit=${r.code}&indicator=${sheet.indicator.code}`} className="underline">
                        {r.name}
                      </Link>
                    </th>
                    <td className="border border-slate-200 px-2 py-1 text-right tabular-nums">
                      {r.target ? count(r.target.value) : "chưa giao"}
                    </td>
                    <td className="border border-slate-200 px-2 py-1 text-slate-700">
                      {r.target ? `${vi(r.target.deadline)} · ${r.target.directive}` : ""}
                    </td>
                    <td className="border border-slate-200 px-1 py-1">
                      <input
                        aria-label={`Chỉ tiêu mới của ${r.name}`}
                        inputMode="numeric"
                        disabled={!sheet.canAssign}
                        value={texts[r.code] ?? ""}
                        onChange={(e) => setTexts((t) => ({ ...t, [r.code]: e.target.value }))}
                        aria-invalid={(texts[r.code] ?? "").trim() !== "" && parsed[r.code] === null}
                        className="w-32 rounded border border-slate-300 px-2 py-1 text-right tabular-nums aria-invalid:border-red-600"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="bg-slate-50 font-semibold">
                  <th scope="row" className="border border-slate-200 px-2 py-1 text-left">
                    Tổng
                  </th>
                  <td className="border border-slate-200 px-2 py-1 text-right tabular-nums">
                    {count(sheet.childrenTotal)}
                  </td>
                  <td className="border border-slate-200 px-2 py-1" />
                  <td className="border border-slate-200 px-2 py-1 text-right tabular-nums">{count(total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function Figure({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {children ? <p className="text-sm">{children}</p> : null}
    </div>
  );
}
