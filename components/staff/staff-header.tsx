import Link from "next/link";
import { Suspense } from "react";
import type { Actor } from "@/lib/access/actor";
import { type Action, roleHas } from "@/lib/access/authorize";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { SignOutButton } from "./sign-out-button";
import { StaffLanguageSwitch } from "./staff-language-switch";

/** The staff pages, each shown to the roles that may do what it is for. */
const PAGES: { href: string; needs?: Action }[] = [
  { href: "/dieu-hanh" },
  { href: "/nhap-lieu", needs: "figure.enter" },
  { href: "/chi-tieu", needs: "target.assign" },
  { href: "/nhap-tep", needs: "figure.enter" },
  { href: "/tai-khoan", needs: "user.manage" },
  { href: "/chi-so", needs: "indicator.define" },
  { href: "/nhat-ky" },
  { href: "/" },
];

export function StaffHeader({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  const t = staffMessages(locale);
  return (
    <header className="border-b border-slate-200 bg-white print:hidden" lang={locale}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-bold text-brand-700">
          {t.brand}
        </Link>
        {actor ? (
          <>
            <nav aria-label={t.nav} className="flex flex-wrap gap-4 text-sm font-semibold">
              {PAGES.filter((p) => !p.needs || roleHas(actor.role, p.needs)).map((p) => (
                <Link key={p.href} href={p.href} className="hover:underline">
                  {t.pages[p.href]}
                </Link>
              ))}
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              <span>
                <span className="font-semibold">{actor.displayName}</span>{" "}
                <span className="text-slate-600">· {t.roles[actor.role]}</span>
              </span>
              <Link href="/doi-mat-khau" className="whitespace-nowrap hover:underline">
                {t.changePassword}
              </Link>
              <Suspense fallback={null}>
                <StaffLanguageSwitch locale={locale} />
              </Suspense>
              <SignOutButton label={t.signOut} />
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
