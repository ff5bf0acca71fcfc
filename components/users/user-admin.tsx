"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { manageUserAction } from "@/app/(staff)/tai-khoan/actions";
import { Button } from "@/components/ui/button";
import { controlClass, Field, Select } from "@/components/ui/field";
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
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 sm:items-end lg:grid-cols-6"
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
        <Field label={t.username} name="username" required />
        <Field label={t.name} name="displayName" required maxLength={100} />
        <Select label={t.role} name="role">
          {manageable.map((r) => (
            <option key={r} value={r}>
              {m.roles[r]}
            </option>
          ))}
        </Select>
        <Field label={t.unitCode} name="unit" required inputMode="numeric" placeholder={t.unitHint} />
        <Field label={t.email} name="email" type="email" maxLength={254} />
        <Button type="submit" variant="primary" disabled={busy}>
          {t.create}
        </Button>
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
                      className={controlClass("md", "w-48")}
                    />
                    <Button type="submit" disabled={busy}>
                      {t.save}
                    </Button>
                  </form>
                )}
              </td>
              <td className="p-2">{u.disabled ? t.locked : t.active}</td>
              <td className="space-x-2 whitespace-nowrap p-2">
                {u.username === self || !manageable.includes(u.role) ? (
                  <span className="text-slate-500">{u.username === self ? t.yours : t.sameOrHigher}</span>
                ) : (
                  <>
                    <Button
                      disabled={busy}
                      onClick={() => send({ action: u.disabled ? "enable" : "disable", username: u.username })}
                    >
                      {u.disabled ? t.unlock : t.lock}
                    </Button>
                    <Button disabled={busy} onClick={() => send({ action: "reset-password", username: u.username })}>
                      {t.reset}
                    </Button>
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
