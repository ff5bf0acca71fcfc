"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { manageUserAction, searchUnitsAction } from "@/app/(staff)/tai-khoan/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { controlClass, Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ScrollTable } from "@/components/ui/table";
import { UnitPicker } from "@/components/ui/unit-picker";
import { useRequest } from "@/components/ui/use-request";
import type { ManagedUser, UserActionInput } from "@/lib/auth/manage-users";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { LEVELS } from "@/lib/i18n/messages/common";
import { pick } from "@/lib/i18n/phrase";
import { staffMessages } from "@/lib/i18n/staff-messages";

/** Cells become labelled lines of a card on a phone, so every button stays on screen. */
const CELL = "block px-2 py-1 md:table-cell md:p-2";
/** A cell whose column name shows before it on a phone (where the header row is hidden). */
const LABELLED = `${CELL} before:block before:text-xs before:font-semibold before:text-slate-600 before:content-[attr(data-label)] md:before:content-none`;

/** The account list of an admin's scope, with search, creation, locking and password resets. */
export function UserAdmin({
  users,
  query,
  self,
  manageable,
  locale,
}: {
  users: ManagedUser[];
  /** The search the list is filtered by (?q=). */
  query: string;
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
  const [formKey, setFormKey] = useState(0);

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
        key={formKey}
        aria-label={t.newAccount}
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 sm:items-start lg:grid-cols-3"
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
          if (created) {
            form.reset();
            setFormKey((k) => k + 1);
          }
        }}
      >
        <Field label={t.username} name="username" required />
        <Field label={t.name} name="displayName" required maxLength={100} />
        <Select label={t.role} name="role" controlClassName="w-full">
          {manageable.map((r) => (
            <option key={r} value={r}>
              {m.roles[r]}
            </option>
          ))}
        </Select>
        <UnitPicker
          label={t.unitLabel}
          name="unit"
          required
          search={searchUnitsAction}
          labels={{ hint: t.unitHint, noMatch: t.noUnit, levels: pick(locale, LEVELS) }}
        />
        <Field label={t.email} name="email" type="email" maxLength={254} />
        <div className="sm:pt-6">
          <Button type="submit" variant="primary" disabled={busy}>
            {t.create}
          </Button>
        </div>
      </form>

      <Notice notice={notice}>
        {password ? (
          <p className="mt-1">
            {t.password} <code className="rounded bg-white px-1 font-bold">{password}</code> {t.passwordOnce}
          </p>
        ) : null}
      </Notice>

      <form action="/tai-khoan" aria-label={t.find} className="grid gap-2 text-sm sm:flex sm:items-start">
        <Field
          label={t.search}
          hint={t.searchHint}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={100}
          className="min-w-0 sm:w-md"
          controlClassName="w-full"
        />
        <div className="flex flex-wrap items-center gap-3 sm:pt-6">
          <Button type="submit">{t.find}</Button>
          {query ? (
            <a href="/tai-khoan" className={buttonClass({ variant: "link" })}>
              {t.clear}
            </a>
          ) : null}
          <span className="text-slate-600">{t.shown(formatsFor(locale).count(users.length), !query)}</span>
        </div>
      </form>

      <ScrollTable
        className="block w-full border-collapse text-sm md:table md:bg-white [&_thead]:hidden md:[&_thead]:table-header-group"
        columns={[
          { label: t.columns.account },
          { label: t.columns.role },
          { label: t.columns.unit },
          { label: t.columns.email },
          { label: t.columns.state },
          { key: "actions", label: <span className="sr-only">{t.columns.actions}</span> },
        ]}
      >
        <tbody className="block space-y-2 md:table-row-group md:space-y-0">
          {users.map((u) => (
            <tr
              key={u.username}
              className="block rounded border border-slate-200 bg-white py-1 md:table-row md:rounded-none md:border-0 md:border-t"
              data-user={u.username}
            >
              <td className={CELL}>
                <span className="font-semibold">{u.username}</span>
                <br />
                <span className="text-slate-600">{u.displayName}</span>
              </td>
              <td className={CELL}>{m.roles[u.role]}</td>
              <td className={CELL}>{u.unit ? `${u.unit.name} (${u.unit.code})` : t.country}</td>
              <td className={LABELLED} data-label={t.columns.email}>
                {u.username === self || !manageable.includes(u.role) ? (
                  (u.email ?? "–")
                ) : (
                  <form
                    className="flex min-w-0 gap-1"
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
                      className={controlClass("md", "w-full min-w-0 md:w-48")}
                    />
                    <Button type="submit" disabled={busy}>
                      {t.save}
                    </Button>
                  </form>
                )}
              </td>
              <td className={CELL}>
                {u.disabled ? t.locked : t.active}
                {u.secondFactor ? <span className="block text-xs text-slate-600">{t.withSecondFactor}</span> : null}
              </td>
              <td className={`${CELL} space-x-2 space-y-1 md:whitespace-nowrap`}>
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
                    {u.secondFactor ? (
                      <Button
                        disabled={busy}
                        onClick={() => send({ action: "reset-second-factor", username: u.username })}
                      >
                        {t.resetSecondFactor}
                      </Button>
                    ) : null}
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
