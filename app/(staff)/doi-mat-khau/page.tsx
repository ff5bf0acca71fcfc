import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { CHANGE_PASSWORD_PATH, currentSession, SECOND_FACTOR_PATH } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

export const metadata: Metadata = { title: "Đổi mật khẩu – Đề án 06" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function ChangePasswordPage({ searchParams }: Props) {
  const signedIn = await currentSession();
  if (!signedIn) redirect(`/dang-nhap?next=${CHANGE_PASSWORD_PATH}`);
  const { next } = await searchParams;
  const locale = await staffLocale();
  const words = staffMessages(locale);
  const t = words.passwordPage;
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-8" lang={locale}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {signedIn.mustChangePassword ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t.mustChange}
        </p>
      ) : (
        <p className="text-slate-700">{t.othersEnd}</p>
      )}
      <p className="text-sm text-slate-700">{t.rules}</p>
      <ChangePasswordForm then={safeRedirectPath(next, "/nhap-lieu")} locale={locale} />
      {signedIn.mustChangePassword ? null : (
        <p className="border-t border-slate-200 pt-4 text-sm">
          <Link href={SECOND_FACTOR_PATH} className="text-brand-700 underline">
            {words.secondFactor.title}
          </Link>
          {": "}
          {words.secondFactor.passwordPageLink}
        </p>
      )}
    </main>
  );
}
