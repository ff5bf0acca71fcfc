import type { Metadata } from "next";
import { UserAdmin } from "@/components/users/user-admin";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { listManagedUsers, MANAGEABLE_ROLES } from "@/lib/auth/manage-users";
import { db } from "@/lib/db/client";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

export const metadata: Metadata = { title: "Tài khoản – Đề án 06" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireActorForPage("/tai-khoan");
  const asked = (await searchParams).q;
  const query = (Array.isArray(asked) ? asked[0] : asked)?.slice(0, 100) ?? "";
  const [users, locale] = await Promise.all([loadForPage(() => listManagedUsers(db(), actor, query)), staffLocale()]);
  const t = staffMessages(locale).users;
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6" lang={locale}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <UserAdmin
        users={users}
        query={query}
        self={actor.username}
        manageable={MANAGEABLE_ROLES[actor.role]}
        locale={locale}
      />
    </main>
  );
}
