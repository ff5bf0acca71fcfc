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
import { DEFAULT_BANDS, DEFINABLE_KINDS, type DefinableKind, isEntered } from "@/lib/indicators/indicator-kinds";
import type { IndicatorDefinitionListing } from "@/lib/indicators/indicators";

/** The indicators defined, and the form a ministry admin defines a new one with. */
export function IndicatorAdmin({ indicators, locale }: { indicators: IndicatorDefinitionListing[]; locale: Locale }) {
  const t = staffMessages(locale).indicators;
  const f = formatsFor(locale);
  const router = useRouter();
  const request = useRequest();
  const [kind, setKind] = useState<DefinableKind>("RATIO");
  const [components, setComponents] = useState([
    { code: "", weight: "" },
    { code: "", weight: "" },
  ]);
  // A scorecard is made of indicators that are not scorecards themselves.
  const parts = indicators.filter((i) => i.kind !== "COMPOSITE");
  const nameOf = (i: { nameVi: string; nameEn: string }) => (locale === "en" ? i.nameEn : i.nameVi);
  const optionsOf = (list: IndicatorDefinitionListing[]) => (
    <>
      <option value="">{t.pick}</option>
      {list.map((i) => (
        <option key={i.code} value={i.code}>
          {i.code} – {nameOf(i)}
        </option>
      ))}
    </>
  );
  const options = optionsOf(parts);
  // A derived ratio divides indicators whose figures are entered (as the server requires).
  const enteredOptions = optionsOf(indicators.filter((i) => isEntered(i.kind)));

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
    setComponents([
      { code: "", weight: "" },
      { code: "", weight: "" },
    ]);
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
        {kind === "DERIVED"
          ? (["numerator", "denominator"] as const).map((part) => (
              <Select key={part} label={t[part]} name={part} required className="sm:col-span-2">
                {enteredOptions}
              </Select>
            ))
          : null}
        {kind === "COMPOSITE" ? (
          <fieldset className="min-w-0 space-y-2 sm:col-span-2 lg:col-span-4">
            <legend className="text-sm font-semibold">{t.components}</legend>
            {components.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until a code is chosen
              <div key={i} className="flex flex-wrap items-end gap-2">
                <Select
                  label={
                    <span className="sr-only">
                      {t.components} {i + 1}
                    </span>
                  }
                  aria-label={`${t.components} ${i + 1}`}
                  value={c.code}
                  onChange={(e) =>
                    setComponents((old) => old.map((o, j) => (j === i ? { ...o, code: e.target.value } : o)))
                  }
                >
                  {options}
                </Select>
                <Field
                  label={t.weight}
                  aria-label={`${t.weight} ${i + 1}`}
                  inputMode="decimal"
                  value={c.weight}
                  required={Boolean(c.code)}
                  onChange={(e) =>
                    setComponents((old) => old.map((o, j) => (j === i ? { ...o, weight: e.target.value } : o)))
                  }
                  controlClassName="w-20 text-right"
                />
                {components.length > 2 ? (
                  <Button variant="remove" onClick={() => setComponents((old) => old.filter((_, j) => j !== i))}>
                    {t.removeComponent}
                  </Button>
                ) : null}
              </div>
            ))}
            <Button variant="link" onClick={() => setComponents((old) => [...old, { code: "", weight: "" }])}>
              {t.addComponent}
            </Button>
            <Field label={t.bands} name="bands" defaultValue={DEFAULT_BANDS.join("; ")} controlClassName="w-80" />
          </fieldset>
        ) : null}
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={request.busy}>
            {t.create}
          </Button>
        </div>
      </form>
      <Notice notice={request.notice} />
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t.list}</h2>
        <ScrollTable columns={[{ label: t.code }, { label: t.nameVi }, { label: t.kind }, { label: t.definition }]}>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.code} className="border-b border-slate-100">
                <td className="p-2 font-mono">{i.code}</td>
                <td className="p-2">{nameOf(i)}</td>
                <td className="p-2">{t.kinds[i.kind]}</td>
                <td className="p-2">
                  {i.numerator ? `${i.numerator} / ${i.denominator}` : null}
                  {i.components.length
                    ? `${i.components.map((c) => `${c.code} ${f.points(c.weight)}`).join(" + ")} (${t.total(
                        f.points(i.components.reduce((sum, c) => sum + c.weight, 0)),
                      )}; ${i.bands.join(" / ")} %)`
                    : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
    </div>
  );
}

/** "80; 90" or "80, 90" (with ";" a decimal comma is allowed: "80,5; 90"). */
function bandsOf(text: string): string[] {
  const parts = text.includes(";") ? text.split(";") : text.split(/,\s*|\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}
