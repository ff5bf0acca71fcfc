"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { manageUserAction } from "@/app/(staff)/tai-khoan/actions";
import { Notice } from "@/components/ui/notice";
import { ScrollTable } from "@/components/ui/table";
import { useRequest } from "@/components/ui/use-request";
import type { ManagedUser, UserActionInput } from "@/lib/auth/manage-users";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

/** The account list of an admin's scope, with creation, locking and password resets. */
export function UserAdmin({
  users,
  self,
  manageable,
  locale,
}: {
  users: ManagedUser[];
  self: string;
  /** The roles this admin may create, lock and reset (those below their own). */
  manageable: readonly Role[];
  locale: Locale;
}) {
  const m = staffMessages(locale);
  const t = m.users;
  const router = useRouter();
  const request = useRequest();
  const { busy, notice } = request;
  const [password, setPassword] = useState<string | null>(null);

  async function send(input: UserActionInput) {
    setPassword(null);
    const result = await request.send(
      `${input.action}:${input.username}`,
      (requestId) => manageUserAction({ ...input, requestId }),
      t.lost,
    );
    if (!result?.ok) return false;
    const { username, action, replayed } = result.value;
    request.setNotice({
      kind: "ok",
      text: `${t.done[action]?.(username) ?? t.doneOther}${replayed ? t.replayed : ""}`,
    });
    setPassword(result.value.password ?? null);
    router.refresh();
    return true;
  }

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end lg:grid-cols-6"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          const created = await send({
            action: "create",
            username: data.username ?? "",
            displayName: data.displayName ?? "",
            role: (data.role ?? "") as Role,
            unit: data.unit ?? "",
            email: data.email ?? "",
          });
          if (created) form.reset();
        }}
      >
        <label className="text-sm font-semibold">
          {t.username}
          <input
            name="username"
            required
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          {t.name}
          <input
            name="displayName"
            required
            maxLength={100}
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          {t.role}
          <select name="role" className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal">
            {manageable.map((r) => (
              <option key={r} value={r}>
                {m.roles[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t.unitCode}
          <input
            name="unit"
            required
            inputMode="numeric"
            placeholder={t.unitHint}
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          {t.email}
          <input
            name="email"
            type="email"
            maxLength={254}
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t.create}
        </button>
      </form>

      <Notice notice={notice}>
        {password ? (
          <p className="mt-1">
            {t.password} <code className="rounded bg-white px-1 font-bold">{password}</code> {t.passwordOnce}
          </p>
        ) : null}
      </Notice>

      <ScrollTable
        columns={[
          { label: t.columns.account },
          { label: t.columns.role },
          { label: t.columns.unit },
          { label: t.columns.email },
          { label: t.columns.state },
          { key: "actions", label: <span className="sr-only">{t.columns.actions}</span> },
        ]}
      >
        <tbody>
          {users.map((u) => (
            <tr key={u.username} className="border-t border-slate-200" data-user={u.username}>
              <td className="p-2">
                <span className="font-semibold">{u.username}</span>
                <br />
                <span className="text-slate-600">{u.displayName}</span>
              </td>
              <td className="p-2">{m.roles[u.role]}</td>
              <td className="p-2">{u.unit ? `${u.unit.name} (${u.unit.code})` : t.country}</td>
              <td className="p-2">
                {u.username === self || !manageable.includes(u.role) ? (
                  (u.email ?? "–")
                ) : (
                  <form
                    className="flex gap-1"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const email = String(new FormData(e.currentTarget).get("email") ?? "");
                      void send({ action: "set-email", username: u.username, email });
                    }}
                  >
                    <input
                      name="email"
                      type="email"
                      maxLength={254}
                      defaultValue={u.email ?? ""}
                      aria-label={t.emailOf(u.username)}
                      className="w-48 rounded border border-slate-400 px-2 py-1"
                    />
                    <button
                      type="submit"
                      disabled={busy}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      {t.save}
                    </button>
                  </form>
                )}
              </td>
              <td className="p-2">{u.disabled ? t.locked : t.active}</td>
              <td className="space-x-2 whitespace-nowrap p-2">
                {u.username === self || !manageable.includes(u.role) ? (
                  <span className="text-slate-500">{u.username === self ? t.yours : t.sameOrHigher}</span>
                ) : (
                  <>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => send({ action: u.disabled ? "enable" : "disable", username: u.username })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      {u.disabled ? t.unlock : t.lock}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => send({ action: "reset-password", username: u.username })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      {t.reset}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
