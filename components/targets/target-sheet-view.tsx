"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useState } from "react";
import { assignTargetsAction } from "@/app/(staff)/chi-tieu/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import { readTypedCount } from "@/lib/figures/figure-rules";
import { formatCount as count, formatIsoDateVi as vi } from "@/lib/format";
import type { TargetConflict } from "@/lib/targets/assign-targets";
import type { TargetSheet } from "@/lib/targets/target-sheet";
import { TargetConflicts } from "./target-conflicts";
import { TargetTable } from "./target-table";

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
  const { send, busy, notice, setNotice, conflicts, setConflicts } = useRequest<TargetConflict>();

  const parsed = useMemo(
    () =>
      Object.fromEntries(
        sheet.rows.map((r) => {
          const { value } = readTypedCount(texts[r.code] ?? "");
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
    const result = await send(
      "assign",
      (requestId) =>
        assignTargetsAction({
          requestId,
          indicator: sheet.indicator.code,
          deadline,
          directive,
          entries: changed.map((r) => ({
            unit: r.code,
            value: parsed[r.code] as number,
            basedOn: r.target ? { id: r.target.id, version: r.target.version } : null,
          })),
        }),
      "Mất kết nối; bấm Giao chỉ tiêu lần nữa (không ghi trùng).",
    );
    if (result?.ok && result.value.status === "saved") {
      setNotice({
        kind: "ok",
        text: `Đã giao chỉ tiêu: mới ${count(result.value.created)}, sửa ${count(result.value.updated)}.`,
      });
      router.refresh();
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
              <Button variant="primary" size="lg" onClick={assign} disabled={busy}>
                {busy ? "Đang giao…" : `Giao chỉ tiêu (${count(changed.length)} đơn vị)`}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              Chỉ cấp trên của các đơn vị này được giao chỉ tiêu; trang chỉ để xem.
            </p>
          )}
          <Notice notice={notice} />
          <TargetConflicts conflicts={conflicts} onReload={() => router.refresh()} />
          <TargetTable
            sheet={sheet}
            texts={texts}
            parsed={parsed}
            total={total}
            onType={(code, text) => setTexts((t) => ({ ...t, [code]: text }))}
          />
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
