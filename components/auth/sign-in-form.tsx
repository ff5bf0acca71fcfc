"use client";

import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/dang-nhap/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { FormFooter } from "./form-footer";

type Words = { username: string; password: string; signIn: string; signingIn: string };

/**
 * Sign-in in one or two steps: the password, then (for an account with a second factor) its
 * code. Plain forms underneath, so both steps work without JavaScript.
 */
export function SignInForm({
  next,
  notice,
  words,
  locale,
  codeStep,
}: {
  next: string;
  notice: string | null;
  words: Words;
  locale: Locale;
  /** A right password was given moments ago on this device: start at the code step. */
  codeStep: boolean;
}) {
  const t = staffMessages(locale).secondFactor;
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {
    error: null,
    username: "",
    step: codeStep ? "code" : "password",
  });
  // The server words its refusals in Vietnamese (with the minutes left); another language gets its own words.
  const refused =
    state.error && state.reason && locale !== "vi"
      ? (staffMessages(locale).signInNotices[state.reason] ?? state.error)
      : state.error;
  const error = state.notice ? t[state.notice] : (refused ?? (state.step === "password" ? notice : null));
  if (state.step === "code")
    return (
      <div className="flex flex-col gap-4">
        <form action={action} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="intent" value="code" />
          <input type="hidden" name="next" value={next} />
          <p className="text-sm text-slate-700">{t.codeStepLead}</p>
          <Field
            label={t.code}
            hint={t.codeHint}
            size="lg"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            required
            autoFocus
            aria-invalid={state.notice === "codeInvalid" || undefined}
          />
          <FormFooter error={error} pending={pending} label={t.verify} pendingLabel={t.verifying} />
        </form>
        <form action={action}>
          <input type="hidden" name="intent" value="start-over" />
          <Button type="submit" disabled={pending}>
            {t.startOver}
          </Button>
        </form>
      </div>
    );
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="intent" value="password" />
      <input type="hidden" name="next" value={next} />
      <Field
        label={words.username}
        size="lg"
        name="username"
        autoComplete="username"
        required
        defaultValue={state.username}
      />
      <Field
        label={words.password}
        size="lg"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <FormFooter error={error} pending={pending} label={words.signIn} pendingLabel={words.signingIn} />
    </form>
  );
}
