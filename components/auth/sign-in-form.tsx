"use client";

import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/dang-nhap/actions";
import { Field } from "@/components/ui/field";
import { FormFooter } from "./form-footer";

type Words = { username: string; password: string; signIn: string; signingIn: string };

export function SignInForm({ next, notice, words }: { next: string; notice: string | null; words: Words }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, username: "" });
  const error = state.error ?? notice;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
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
