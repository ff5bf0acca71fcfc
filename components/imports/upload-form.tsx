"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { HeaderRow } from "@/components/ui/table";
import { formatCount as count } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locale";
import { type StaffMessages, staffMessages } from "@/lib/i18n/staff-messages";
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
type ImportWords = StaffMessages["imports"];

/**
 * Upload in two steps: the server checks every row and writes nothing (preview); only a
 * file without errors can then be imported, in one transaction. The same request id is
 * reused if the import is sent again, so a retry does not count twice.
 */
export function UploadForm({ canAssignTargets, locale }: { canAssignTargets: boolean; locale: Locale }) {
  const t = staffMessages(locale).imports;
  const [kind, setKind] = useState<Kind>("figures");
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const requestId = useRef<string>("");

  async function send(mode: "preview" | "import") {
    if (!file) {
      setStage({ step: "failed", text: t.chooseFile });
      return;
    }
    if (mode === "preview") requestId.current = crypto.randomUUID();
    setStage({
      step: "working",
      text: mode === "preview" ? t.checking(file.name) : t.writing(file.name),
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
          text: body.error?.message ?? t.serverError(response.status),
        });
      }
    } catch {
      setStage({ step: "failed", text: t.lost });
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
        {/* Radio buttons: the browser's own, beside their words. */}
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t.kind}</legend>
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
            {t.figures}
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
            {t.targets}
          </label>
        </fieldset>
        <Field
          label={t.file}
          type="file"
          accept=".csv,.xlsx"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setStage({ step: "idle" });
          }}
          hint={
            <>
              {t.columnsLine} <code className="break-all">{COLUMNS[kind].columns}</code>
              {t.exampleLine} <code className="break-all">{COLUMNS[kind].example}</code>
              {t.datesLine}{" "}
              <a
                className="font-semibold text-brand-700 underline"
                href={`/api/v1/imports/template?kind=${kind}`}
                download
              >
                {t.template}
              </a>
            </>
          }
        />
        <Button type="submit" variant="primary" size="lg" disabled={working}>
          {t.check}
        </Button>
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
          <OutcomeView outcome={outcome} imported={stage.step === "imported"} onImport={() => send("import")} t={t} />
        ) : null}
      </div>
    </div>
  );
}

function OutcomeView({
  outcome,
  imported,
  onImport,
  t,
}: {
  outcome: UploadOutcome;
  imported: boolean;
  onImport: () => void;
  t: ImportWords;
}) {
  const what = t.what[outcome.kind] ?? outcome.kind;
  return (
    <section className="space-y-3" aria-label={t.result}>
      {outcome.errorCount ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t.failed(outcome.fileName, count(outcome.errorCount), count(outcome.rows))}
        </p>
      ) : imported ? (
        <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
          {t.imported(
            count(outcome.rows),
            what,
            count(outcome.inserted),
            count(outcome.updated),
            count(outcome.unchanged),
          )}
        </p>
      ) : (
        <div className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
          <p>
            {t.valid(
              outcome.fileName,
              count(outcome.rows),
              what,
              outcome.scope,
              outcome.warningCount ? count(outcome.warningCount) : null,
            )}
          </p>
          <Button variant="primary" size="lg" onClick={onImport}>
            {t.importRows(count(outcome.rows))}
          </Button>
        </div>
      )}
      <ProblemTable title={t.errors} problems={outcome.errors} total={outcome.errorCount} t={t} />
      <ProblemTable title={t.warnings} problems={outcome.warnings} total={outcome.warningCount} t={t} />
    </section>
  );
}

function ProblemTable({
  title,
  problems,
  total,
  t,
}: {
  title: string;
  problems: UploadOutcome["errors"];
  total: number;
  t: ImportWords;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="py-1 text-left font-semibold">
          {title}: {count(total)}
          {total > Math.min(SHOWN, problems.length) ? t.firstShown(count(Math.min(SHOWN, problems.length))) : ""}
        </caption>
        <thead>
          <HeaderRow columns={t.problemColumns.map((label) => ({ label }))} cell="border border-slate-200 px-2 py-1" />
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
