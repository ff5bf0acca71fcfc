"use client";

import { useActionState } from "react";
import { type SignInState, signInAction } from "@/app/dang-nhap/actions";
import { FormFooter } from "./form-footer";

export function SignInForm({ next, notice }: { next: string; notice: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, username: "" });
  const error = state.error ?? notice;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Tên đăng nhập
        <input
          name="username"
          autoComplete="username"
          required
          defaultValue={state.username}
          className="rounded border border-slate-400 px-3 py-2 text-base font-normal"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Mật khẩu
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded border border-slate-400 px-3 py-2 text-base font-normal"
        />
      </label>
      <FormFooter error={error} pending={pending} label="Đăng nhập" pendingLabel="Đang đăng nhập…" />
    </form>
  );
}
