"use client";

import { useRef, useState } from "react";
import { HeaderRow } from "@/components/ui/table";
import { formatCount as count } from "@/lib/format";
import type { UploadOutcome } from "@/lib/imports/import-upload";

type Kind = "figures" | "targets";
type Stage =
  | { step: "idle" }
  | { step: "working"; text: string }
  | { step: "checked" | "imported"; outcome: UploadOutcome }
  | { step: "failed"; text: string };

const COLUMNS: Record<Kind, { columns: string; example: string }> = {
  figures: { columns: "unit_code,indicator,as_of,value", example: "00004,CCCD_INTAKE,2026-11-15,1234" },
  targets: {
    columns: "unit_code,indicator,target,deadline,directive,assigned_on",
    example: "00004,CCCD_INTAKE,15000,2026-12-31,Điện số 16/HT,2026-11-20",
  },
};
const SHOWN = 200;

/**
 * Upload in two steps: the server checks every row and writes nothing (preview); only a
 * file without errors can then be imported, in one transaction. The same request id is
 * reused if the import is sent again, so a retry does not count twice.
 */
export function UploadForm({ canAssignTargets }: { canAssignTargets: boolean }) {
  const [kind, setKind] = useState<Kind>("figures");
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const requestId = useRef<string>("");

  async function send(mode: "preview" | "import") {
    if (!file) {
      setStage({ step: "failed", text: "Chọn một tệp .csv hoặc .xlsx trước." });
      return;
    }
    if (mode === "preview") requestId.current = crypto.randomUUID();
    setStage({
      step: "working",
      text: mode === "preview" ? `Đang kiểm tra từng dòng của ${file.name}…` : `Đang ghi ${file.name}…`,
    });
    const form = new FormData();
    form.set("kind", kind);
    form.set("mode", mode);
    form.set("requestId", requestId.current);
    form.set("file", file);
    try {
      const response = await fetch("/api/v1/imports", { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as UploadOutcome & { error?: { message?: string } };
      if (response.status === 200 || response.status === 422) {
        setStage({ step: mode === "import" && body.written ? "imported" : "checked", outcome: body });
      } else {
        setStage({
          step: "failed",
          text: body.error?.message ?? `Máy chủ trả lời lỗi ${response.status}; thử lại sau.`,
        });
      }
    } catch {
      setStage({ step: "failed", text: "Mất kết nối tới máy chủ; kiểm tra mạng rồi bấm lại (không ghi trùng)." });
    }
  }

  const outcome = stage.step === "checked" || stage.step === "imported" ? stage.outcome : null;
  const working = stage.step === "working";
  return (
    <div className="space-y-5">
      <form
        className="space-y-4 rounded border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void send("preview");
        }}
      >
        <fieldset className="space-y-1">
          <legend className="font-semibold">Loại tệp</legend>
          <label className="mr-6 inline-flex items-center gap-2">
            <input
              type="radio"
              name="kind"
              checked={kind === "figures"}
              onChange={() => {
                setKind("figures");
                setStage({ step: "idle" });
              }}
            />
            Số liệu theo tuần
          </label>
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="kind"
              checked={kind === "targets"}
              disabled={!canAssignTargets}
              onChange={() => {
                setKind("targets");
                setStage({ step: "idle" });
              }}
            />
            Chỉ tiêu giao cho cấp dưới
          </label>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="upload-file" className="block font-semibold">
            Tệp .csv hoặc .xlsx (tối đa 20 MB)
          </label>
          <input
            id="upload-file"
            type="file"
            accept=".csv,.xlsx"
            className="block max-w-full text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setStage({ step: "idle" });
            }}
          />
          <p className="text-sm text-slate-600">
            Dòng đầu là tên cột: <code className="break-all">{COLUMNS[kind].columns}</code>; ví dụ một dòng:{" "}
            <code className="break-all">{COLUMNS[kind].example}</code>. Ngày viết dạng YYYY-MM-DD (ô kiểu ngày của Excel
            cũng được).
          </p>
        </div>
        <button
          type="submit"
          disabled={working}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Kiểm tra tệp (chưa ghi)
        </button>
      </form>

      <div aria-live="polite">
        {working ? (
          <p className="flex items-center gap-2">
            <span className="inline-block size-4 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
            {stage.text}
          </p>
        ) : null}
        {stage.step === "failed" ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
            {stage.text}
          </p>
        ) : null}
        {outcome ? (
          <OutcomeView outcome={outcome} imported={stage.step === "imported"} onImport={() => send("import")} />
        ) : null}
      </div>
    </div>
  );
}

function OutcomeView({
  outcome,
  imported,
  onImport,
}: {
  outcome: UploadOutcome;
  imported: boolean;
  onImport: () => void;
}) {
  const what = outcome.kind === "figures" ? "số liệu" : "chỉ tiêu";
  return (
    <section className="space-y-3" aria-label="Kết quả kiểm tra tệp">
      {outcome.errorCount ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {outcome.fileName}: {count(outcome.errorCount)} lỗi trong {count(outcome.rows)} dòng. Chưa ghi gì. Sửa các
          dòng dưới đây rồi kiểm tra lại.
        </p>
      ) : imported ? (
        <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
          Đã nhập {count(outcome.rows)} dòng {what}: thêm {count(outcome.inserted)}, cập nhật {count(outcome.updated)},
          không đổi {count(outcome.unchanged)}. Mọi thay đổi đã ghi vào nhật ký.
        </p>
      ) : (
        <div className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
          <p>
            {outcome.fileName}: {count(outcome.rows)} dòng {what} hợp lệ, trong phạm vi {outcome.scope}
            {outcome.warningCount ? `; ${count(outcome.warningCount)} cảnh báo cần xem lại` : ""}. Chưa ghi gì.
          </p>
          <button
            type="button"
            onClick={onImport}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Nhập {count(outcome.rows)} dòng vào hệ thống
          </button>
        </div>
      )}
      <ProblemTable title="Lỗi" problems={outcome.errors} total={outcome.errorCount} />
      <ProblemTable title="Cảnh báo (không chặn việc nhập)" problems={outcome.warnings} total={outcome.warningCount} />
    </section>
  );
}

function ProblemTable({ title, problems, total }: { title: string; problems: UploadOutcome["errors"]; total: number }) {
  if (problems.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="py-1 text-left font-semibold">
          {title}: {count(total)}
          {total > Math.min(SHOWN, problems.length)
            ? ` (hiện ${count(Math.min(SHOWN, problems.length))} dòng đầu)`
            : ""}
        </caption>
        <thead>
          <HeaderRow
            columns={[{ label: "Dòng" }, { label: "Cột" }, { label: "Vấn đề" }]}
            cell="border border-slate-200 px-2 py-1"
          />
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p) => (
            <tr key={`${p.line}-${p.column}-${p.message}`}>
              <td className="border border-slate-200 px-2 py-1 tabular-nums">{p.line}</td>
              <td className="border border-slate-200 px-2 py-1">{p.column}</td>
              <td className="border border-slate-200 px-2 py-1">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
