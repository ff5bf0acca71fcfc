"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useState } from "react";
import { assignTargetsAction } from "@/app/(staff)/chi-tieu/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { DateField } from "@/components/ui/date-field";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import { readTypedCount } from "@/lib/figures/figure-rules";
import { isoDate, parseTypedDate, typedDateText } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import type { TargetConflict } from "@/lib/targets/assign-targets";
import type { TargetSheet } from "@/lib/targets/target-sheet";
import { TargetConflicts } from "./target-conflicts";
import { TargetTable } from "./target-table";

/**
 * A parent's targets for its children: one row per child with the target in force, an input
 * for the new one, and the children's total against the parent's own target (warned when
 * short). Only changed rows are sent, all under the deadline and directive typed above.
 */
export function TargetSheetView({ sheet, locale }: { sheet: TargetSheet; locale: Locale }) {
  const t = staffMessages(locale).targets;
  const { count, date } = formatsFor(locale);
  const nameOf = (i: { name: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.name);
  const router = useRouter();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(sheet.rows.map((r) => [r.code, r.target ? count(r.target.value) : ""])),
  );
  const [deadline, setDeadline] = useState(typedDateText(sheet.unit?.target?.deadline));
  const [directive, setDirective] = useState("");
  const { send, busy, notice, setNotice, conflicts, setConflicts } = useRequest<TargetConflict>();

  const parsed = useMemo(
    () =>
      Object.fromEntries(
        sheet.rows.map((r) => {
          const { value } = readTypedCount(asTyped(texts[r.code] ?? "", locale));
          return [r.code, value === 0 ? null : value];
        }),
      ),
    [sheet.rows, texts, locale],
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
        text: t.mustBeWhole(invalid.map((r) => r.name).join(", ")),
      });
      return;
    }
    if (changed.length === 0) {
      setNotice({ kind: "error", text: t.nothingChanged });
      return;
    }
    if (!deadline.trim() || !directive.trim()) {
      setNotice({ kind: "error", text: t.needDeadline });
      return;
    }
    const due = parseTypedDate(deadline);
    if (!due) {
      setNotice({ kind: "error", text: t.badDeadline });
      return;
    }
    const result = await send(
      "assign",
      (requestId) =>
        assignTargetsAction({
          requestId,
          indicator: sheet.indicator.code,
          deadline: isoDate(due),
          directive,
          entries: changed.map((r) => ({
            unit: r.code,
            value: parsed[r.code] as number,
            basedOn: r.target ? { id: r.target.id, version: r.target.version } : null,
          })),
        }),
      t.lost,
    );
    if (result?.ok && result.value.status === "saved") {
      setNotice({
        kind: "ok",
        text: t.assigned(count(result.value.created), count(result.value.updated)),
      });
      router.refresh();
    }
  }

  const unitQuery = sheet.unit ? `unit=${sheet.unit.code}&` : "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t.title(sheet.unit?.name ?? null)}</h1>
          {sheet.unit?.parentCode ? (
            <Link
              href={`/chi-tieu?unit=${sheet.unit.parentCode}&indicator=${sheet.indicator.code}`}
              className="text-sm underline"
            >
              {t.up}
            </Link>
          ) : null}
        </div>
        <nav aria-label={t.indicators} className="flex flex-wrap gap-2 text-sm">
          {sheet.indicators.map((i) => (
            <Link
              key={i.code}
              href={`/chi-tieu?${unitQuery}indicator=${i.code}`}
              aria-current={i.code === sheet.indicator.code ? "page" : undefined}
              className={buttonClass({ variant: i.code === sheet.indicator.code ? "primary" : "secondary" })}
            >
              {nameOf(i)}
            </Link>
          ))}
        </nav>
      </div>

      <section aria-label={t.summary} className="grid gap-3 sm:grid-cols-3">
        <Figure label={t.ownTarget(sheet.unit?.name ?? null)} value={own === null ? t.notAssignedOwn : count(own)}>
          {sheet.unit?.target ? t.due(date(sheet.unit.target.deadline), sheet.unit.target.directive) : null}
        </Figure>
        <Figure label={t.childrenTotal} value={count(total)}>
          {changed.length ? t.editing(count(changed.length)) : null}
        </Figure>
        <Figure
          label={t.difference}
          testId="target-difference"
          value={own === null ? "–" : `${total - own >= 0 ? "+" : ""}${count(total - own)}`}
        >
          {own !== null && total < own ? (
            <span role="alert" className="font-semibold text-red-800">
              {t.short(count(own - total))}
            </span>
          ) : null}
        </Figure>
      </section>

      {sheet.rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">{t.noChildren}</p>
      ) : (
        <>
          {sheet.canAssign ? (
            <div className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-white p-3 text-sm">
              <DateField label={t.deadline} value={deadline} onChange={(e) => setDeadline(e.target.value)} />
              <Field
                label={t.directive}
                type="text"
                value={directive}
                placeholder={t.directiveHint}
                onChange={(e) => setDirective(e.target.value)}
                className="grow basis-64"
              />
              <Button variant="primary" onClick={assign} disabled={busy}>
                {busy ? t.assigning : t.assign(count(changed.length))}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t.readOnly}</p>
          )}
          <Notice notice={notice} />
          <TargetConflicts conflicts={conflicts} onReload={() => router.refresh()} t={t} locale={locale} />
          <TargetTable
            sheet={sheet}
            texts={texts}
            parsed={parsed}
            total={total}
            onType={(code, text) => setTexts((old) => ({ ...old, [code]: text }))}
            t={t}
            locale={locale}
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

/** English groups thousands with commas (1,234,567); the entry rule reads Vietnamese groups. */
function asTyped(text: string, locale: Locale): string {
  return locale === "en" && /^\s*\d{1,3}(,\d{3})+\s*$/.test(text) ? text.replace(/,/g, "") : text;
}
