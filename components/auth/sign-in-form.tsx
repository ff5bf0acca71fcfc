"use client";

import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/dang-nhap/actions";
import { FormFooter } from "./form-footer";

type Words = { username: string; password: string; signIn: string; signingIn: string };

export function SignInForm({ next, notice, words }: { next: string; notice: string | null; words: Words }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, username: "" });
  const error = state.error ?? notice;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {words.username}
        <input
          name="username"
          autoComplete="username"
          required
          defaultValue={state.username}
          className="rounded border border-slate-400 px-3 py-2 text-base font-normal"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {words.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded border border-slate-400 px-3 py-2 text-base font-normal"
        />
      </label>
      <FormFooter error={error} pending={pending} label={words.signIn} pendingLabel={words.signingIn} />
    </form>
  );
}
