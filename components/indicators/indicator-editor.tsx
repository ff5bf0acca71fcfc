"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { editIndicatorAction, retireIndicatorAction } from "@/app/(staff)/chi-so/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useRequest } from "@/components/ui/use-request";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { isEntered } from "@/lib/indicators/indicator-kinds";
import type { IndicatorDefinitionListing } from "@/lib/indicators/indicators";
import { bandsOf, bandsText, ComponentsField } from "./components-field";
import { WeekSelect } from "./week-select";

/** Edits one indicator (not its code nor kind), retires it with a reason, or restores it. */
export function IndicatorEditor({
  indicator,
  parts,
  weeks,
  locale,
  onClose,
}: {
  indicator: IndicatorDefinitionListing;
  parts: { code: string; name: string }[];
  weeks: string[];
  locale: Locale;
  onClose: () => void;
}) {
  const t = staffMessages(locale).indicators;
  const f = formatsFor(locale);
  const router = useRouter();
  const request = useRequest();
  const composite = indicator.kind === "COMPOSITE";
  // Opened from a row far below: bring the form into view and say where the focus went.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus();
  }, []);
  const [components, setComponents] = useState(
    indicator.components.map((c) => ({ code: c.code, weight: f.points(c.weight) })),
  );
  const choices =
    indicator.enteredFrom && !weeks.includes(indicator.enteredFrom) ? [indicator.enteredFrom, ...weeks] : weeks;

  async function save(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const result = await request.send(
      `indicator-edit:${indicator.code}`,
      (requestId) =>
        editIndicatorAction({
          requestId,
          code: indicator.code,
          nameVi: data.nameVi ?? "",
          nameEn: data.nameEn || undefined,
          // "Every week" is the empty choice.
          ...(isEntered(indicator.kind) ? { enteredFrom: data.enteredFrom || null } : {}),
          ...(composite
            ? {
                components: components.filter((c) => c.code).map((c) => ({ code: c.code, weight: c.weight })),
                bands: bandsOf(data.bands ?? ""),
              }
            : {}),
        }),
      t.lost,
    );
    if (!result?.ok) return;
    request.setNotice({
      kind: "ok",
      text: result.value.changed.length ? t.edited(indicator.code) : t.nothingChanged,
    });
    router.refresh();
  }

  async function retire(form: HTMLFormElement | null) {
    const reason = form ? String(new FormData(form).get("reason") ?? "") : "";
    const restore = Boolean(indicator.retiredOn);
    const result = await request.send(
      `indicator-retire:${indicator.code}`,
      (requestId) => retireIndicatorAction({ requestId, code: indicator.code, reason, restore }),
      t.lost,
    );
    if (!result?.ok) return;
    request.setNotice({ kind: "ok", text: restore ? t.restored(indicator.code) : t.retired(indicator.code) });
    router.refresh();
  }

  return (
    <section
      aria-labelledby="indicator-editing"
      className="space-y-4 rounded border-2 border-brand-600 bg-white p-4 text-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="indicator-editing" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {t.editing(indicator.code)}
        </h2>
        <Button size="sm" onClick={onClose}>
          {t.cancel}
        </Button>
      </div>
      <p className="text-slate-600">
        {t.kinds[indicator.kind]}. {t.codeKindFixed}
      </p>
      <form
        aria-label={t.editing(indicator.code)}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={async (e) => {
          e.preventDefault();
          await save(e.currentTarget);
        }}
      >
        <Field label={t.nameVi} name="nameVi" required minLength={3} maxLength={200} defaultValue={indicator.nameVi} />
        <Field label={t.nameEn} name="nameEn" maxLength={200} defaultValue={indicator.nameEn} />
        {isEntered(indicator.kind) ? (
          <WeekSelect
            locale={locale}
            weeks={choices}
            defaultValue={indicator.enteredFrom ?? ""}
            always
            t={t}
            className="sm:col-span-2"
          />
        ) : null}
        {composite ? (
          <ComponentsField
            rows={components}
            onChange={setComponents}
            options={parts}
            bands={bandsText(indicator.bands, f.points)}
            t={t}
          />
        ) : null}
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={request.busy}>
            {t.save}
          </Button>
        </div>
      </form>
      {indicator.retiredOn ? (
        <div className="space-y-2 border-t border-slate-200 pt-3">
          <p>{t.retiredOn(formatsFor(locale).date(indicator.retiredOn), indicator.retiredReason ?? "")}</p>
          <Button disabled={request.busy} onClick={() => retire(null)}>
            {t.restore}
          </Button>
        </div>
      ) : (
        <form
          aria-label={t.retire}
          className="space-y-2 border-t border-slate-200 pt-3"
          onSubmit={async (e) => {
            e.preventDefault();
            await retire(e.currentTarget);
          }}
        >
          <Field label={t.reason} name="reason" required minLength={5} maxLength={500} hint={t.retireHint} />
          <Button type="submit" variant="secondary" className="border-red-700! text-red-800" disabled={request.busy}>
            {t.retire}
          </Button>
        </form>
      )}
      <Notice notice={request.notice} />
    </section>
  );
}
