"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { defineIndicatorAction } from "@/app/(staff)/chi-so/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ScrollTable } from "@/components/ui/table";
import { useRequest } from "@/components/ui/use-request";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import {
  DEFAULT_BANDS,
  DEFINABLE_KINDS,
  type DefinableKind,
  isEntered,
  storedKind,
} from "@/lib/indicators/indicator-kinds";
import type { IndicatorDefinitionListing } from "@/lib/indicators/indicators";
import { bandsOf, bandsText, ComponentsField, EMPTY_COMPONENTS } from "./components-field";
import { IndicatorEditor } from "./indicator-editor";
import { WeekSelect } from "./week-select";

/** Cells are lines of a card on a phone, a table's cells from md up. */
const CELL = "block px-2 py-0.5 md:table-cell md:p-2";

/** The indicators defined (with their edits and retirement), and the form a ministry admin defines a new one with. */
export function IndicatorAdmin({
  indicators,
  weeks,
  locale,
}: {
  indicators: IndicatorDefinitionListing[];
  /** Reporting weeks a new indicator may start from (YYYY-MM-DD Sundays); the second is the next one. */
  weeks: string[];
  locale: Locale;
}) {
  const t = staffMessages(locale).indicators;
  const f = formatsFor(locale);
  const router = useRouter();
  const request = useRequest();
  // The first kind in the list (a running total), as the select shows it: no kind is chosen for the admin.
  const [kind, setKind] = useState<DefinableKind>("COUNT");
  const [components, setComponents] = useState(EMPTY_COMPONENTS);
  const [editing, setEditing] = useState<string | null>(null);
  const nameOf = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  const inUse = indicators.filter((i) => !i.retiredOn);
  // A scorecard is made of indicators in use that are not scorecards themselves.
  const parts = inUse.filter((i) => i.kind !== "COMPOSITE").map((i) => ({ code: i.code, name: nameOf(i) }));
  // A derived ratio divides indicators whose figures are entered (as the server requires).
  const entered = inUse.filter((i) => isEntered(i.kind));
  const edited = indicators.find((i) => i.code === editing);

  async function create(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const result = await request.send(
      `indicator:${data.code}`,
      (requestId) =>
        defineIndicatorAction({
          requestId,
          code: (data.code ?? "").trim().toUpperCase(),
          nameVi: data.nameVi ?? "",
          nameEn: data.nameEn || undefined,
          kind,
          ...(isEntered(storedKind(kind)) && data.enteredFrom ? { enteredFrom: data.enteredFrom } : {}),
          ...(kind === "DERIVED" ? { numerator: data.numerator, denominator: data.denominator } : {}),
          ...(kind === "COMPOSITE"
            ? {
                // As typed: the server reads the numbers (plain decimals, at most two decimals).
                components: components.filter((c) => c.code).map((c) => ({ code: c.code, weight: c.weight })),
                // A cleared field means the default bands.
                bands: bandsOf(data.bands ?? "").length ? bandsOf(data.bands ?? "") : undefined,
              }
            : {}),
        }),
      t.lost,
    );
    if (!result?.ok) return;
    request.setNotice({ kind: "ok", text: t.created(result.value.code) });
    form.reset();
    setComponents(EMPTY_COMPONENTS);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form
        aria-label={t.create}
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={async (e) => {
          e.preventDefault();
          await create(e.currentTarget);
        }}
      >
        <Field label={t.code} name="code" required pattern="[A-Za-z0-9_]{1,40}" maxLength={40} />
        <Field label={t.nameVi} name="nameVi" required minLength={3} maxLength={200} />
        <Field label={t.nameEn} name="nameEn" maxLength={200} />
        <Select label={t.kind} name="kind" value={kind} onChange={(e) => setKind(e.target.value as DefinableKind)}>
          {DEFINABLE_KINDS.filter((k) => k !== "CUMULATIVE").map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </Select>
        {isEntered(storedKind(kind)) ? (
          <WeekSelect weeks={weeks} defaultValue={weeks[1]} t={t} className="sm:col-span-2" locale={locale} />
        ) : null}
        {kind === "DERIVED"
          ? (["numerator", "denominator"] as const).map((part) => (
              <Select key={part} label={t[part]} name={part} required className="sm:col-span-2">
                <option value="">{t.pick}</option>
                {entered.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.code} – {nameOf(i)}
                  </option>
                ))}
              </Select>
            ))
          : null}
        {kind === "COMPOSITE" ? (
          <ComponentsField
            rows={components}
            onChange={setComponents}
            options={parts}
            bands={bandsText(DEFAULT_BANDS, f.points)}
            t={t}
          />
        ) : null}
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={request.busy}>
            {t.create}
          </Button>
        </div>
      </form>
      <Notice notice={request.notice} />
      {edited ? (
        <IndicatorEditor
          key={edited.code}
          indicator={edited}
          parts={parts.filter((p) => p.code !== edited.code)}
          weeks={weeks}
          locale={locale}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t.list}</h2>
        <ScrollTable
          className="block w-full border-collapse text-sm md:table md:bg-white [&_thead]:hidden md:[&_thead]:table-header-group"
          columns={[
            { label: t.code },
            { label: t.nameVi },
            { label: t.kind },
            { label: t.definition },
            { label: t.status },
            { key: "actions", label: <span className="sr-only">{t.actions}</span> },
          ]}
        >
          <tbody className="block space-y-2 md:table-row-group md:space-y-0">
            {indicators.map((i) => (
              <tr
                key={i.code}
                className={`block rounded border border-slate-200 bg-white py-1 md:table-row md:rounded-none md:border-0 md:border-b md:border-slate-100 ${i.retiredOn ? "text-slate-500" : ""}`}
              >
                <td className={`${CELL} font-mono font-semibold md:font-normal`}>{i.code}</td>
                <td className={CELL}>{nameOf(i)}</td>
                <td className={`${CELL} text-slate-600 md:text-inherit`}>{t.kinds[i.kind]}</td>
                <td className={`${CELL} ${i.numerator || i.components.length ? "" : "hidden md:table-cell"}`}>
                  {i.numerator ? `${i.numerator} / ${i.denominator}` : null}
                  {i.components.length
                    ? `${i.components.map((c) => `${c.code} ${f.points(c.weight)}`).join(" + ")} (${t.total(
                        f.points(i.components.reduce((sum, c) => sum + c.weight, 0)),
                      )}; ${i.bands.map(f.points).join(" / ")} %)`
                    : null}
                </td>
                <td className={CELL}>
                  {i.retiredOn
                    ? t.retiredOn(f.date(i.retiredOn), i.retiredReason ?? "")
                    : i.enteredFrom
                      ? t.fromWeek(f.date(i.enteredFrom))
                      : t.inUse}
                </td>
                <td className={CELL}>
                  <Button size="sm" onClick={() => setEditing(i.code)} aria-label={`${t.edit} ${i.code}`}>
                    {t.edit}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </div>
  );
}
