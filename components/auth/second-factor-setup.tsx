"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  confirmSecondFactorAction,
  type SecondFactorState,
  turnOffSecondFactorAction,
} from "@/app/(staff)/xac-thuc-hai-buoc/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { FormFooter } from "./form-footer";

const START: SecondFactorState = { error: null, recoveryCodes: null };

/**
 * Enrolment: the QR code (an SVG drawn on the server from the secret, no outside service),
 * the secret as text in groups of four, and one code to confirm; then the recovery codes, once.
 */
export function SecondFactorSetup({
  locale,
  then,
  qrSvg,
  secret,
}: {
  locale: Locale;
  then: string;
  qrSvg: string;
  secret: string;
}) {
  const t = staffMessages(locale).secondFactor;
  const [state, action, pending] = useActionState(confirmSecondFactorAction, START);
  if (state.recoveryCodes)
    return (
      <section aria-labelledby="ma-khoi-phuc" className="space-y-3 rounded border border-emerald-300 bg-emerald-50 p-4">
        <h2 id="ma-khoi-phuc" className="text-lg font-semibold">
          {t.recoveryTitle}
        </h2>
        <p className="text-sm">{t.recoveryLead}</p>
        <ol className="grid grid-cols-2 gap-2 font-mono text-base" aria-label={t.recoveryTitle}>
          {state.recoveryCodes.map((code) => (
            <li key={code} className="rounded bg-white px-2 py-1 text-center">
              {code}
            </li>
          ))}
        </ol>
        <Link href={then} className={buttonClass({ variant: "primary", size: "lg" })}>
          {t.continue}
        </Link>
      </section>
    );
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <p>{t.step1}</p>
      <div
        role="img"
        aria-label={t.qrAlt}
        className="mx-auto w-56 max-w-full rounded border border-slate-200 bg-white p-2"
        // Drawn on the server by the qrcode package from our own otpauth:// address: no markup from outside.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the server drew, not user input
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="text-sm">
        {t.typeSecret}{" "}
        <code className="block break-all rounded bg-slate-100 px-2 py-1 text-base tracking-wide" data-secret>
          {secret}
        </code>
      </p>
      <p>{t.step2}</p>
      <Field
        label={t.code}
        size="lg"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
        required
        aria-invalid={state.error ? true : undefined}
      />
      <FormFooter
        error={state.wrongCode ? t.wrongEnrolCode : state.error}
        pending={pending}
        label={t.confirm}
        pendingLabel={t.verifying}
      />
    </form>
  );
}

/** Turning an optional second factor off takes a current code. */
export function SecondFactorTurnOff({ locale }: { locale: Locale }) {
  const t = staffMessages(locale).secondFactor;
  const [state, action, pending] = useActionState(turnOffSecondFactorAction, START);
  if (state.turnedOff)
    return (
      <p role="status" className="rounded border border-slate-300 bg-slate-50 p-3">
        {t.turnedOff}
      </p>
    );
  return (
    <form action={action} className="flex flex-col gap-3 border-t border-slate-200 pt-4" noValidate>
      <p className="text-sm text-slate-700">{t.turnOffLead}</p>
      <Field label={t.code} name="code" autoComplete="one-time-code" maxLength={20} required />
      <FormFooter error={state.error} pending={pending} label={t.turnOff} pendingLabel={t.verifying} />
    </form>
  );
}
