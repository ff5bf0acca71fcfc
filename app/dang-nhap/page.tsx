import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { SignedInOnDevice } from "@/components/offline/offline-copy";
import { currentActor } from "@/lib/auth/current-user";
import { PENDING_COOKIE, readPendingToken } from "@/lib/auth/pending-sign-in";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { staffLanguageHref } from "@/lib/i18n/locale";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

export const metadata: Metadata = { title: "Đăng nhập – Đề án 06" };

type Props = { searchParams: Promise<{ next?: string; code?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next, code } = await searchParams;
  const target = safeRedirectPath(next, "/nhap-lieu");
  if (await currentActor()) redirect(target);
  const locale = await staffLocale();
  const t = staffMessages(locale);
  // Sign-in through the Auth.js endpoint (without JavaScript) comes back here with a code.
  const notice = code ? (t.signInNotices[code] ?? t.signInNotices.invalid ?? null) : null;
  // After a right password (a reload, or the answer to a form sent without JavaScript): its code.
  const codeStep = readPendingToken((await cookies()).get(PENDING_COOKIE)?.value) !== null;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-8" lang={locale}>
      {/* Whoever was signed in on this device is not any more: no copy of their page is shown. */}
      <SignedInOnDevice userId={null} />
      <h1 className="mb-1 text-2xl font-bold">{t.signInTitle}</h1>
      <p className="mb-6 text-sm text-slate-600">{t.signInLead}</p>
      <SignInForm
        next={target}
        notice={notice}
        locale={locale}
        codeStep={codeStep}
        words={{ username: t.username, password: t.password, signIn: t.signIn, signingIn: t.signingIn }}
      />
      <p className="mt-6 flex items-center justify-between text-sm">
        <Link href={locale === "en" ? "/?lang=en" : "/"} className="text-brand-700 underline">
          {t.backToPublic}
        </Link>
        <LanguageSwitch
          href={staffLanguageHref(locale === "en" ? "vi" : "en", `/dang-nhap?${new URLSearchParams({ next: target })}`)}
          locale={locale}
        />
      </p>
    </main>
  );
}
