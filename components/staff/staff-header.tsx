import Link from "next/link";
import { Suspense } from "react";
import type { Actor } from "@/lib/access/actor";
import { type Action, roleHas } from "@/lib/access/authorize";
import type { Locale } from "@/lib/i18n/locale";
import { staffMessages } from "@/lib/i18n/staff-messages";
import { SignOutButton } from "./sign-out-button";
import { StaffLanguageSwitch } from "./staff-language-switch";
import { StaffNav } from "./staff-nav";

/** The staff pages, each shown to the roles that may do what it is for. */
const PAGES: { href: string; needs?: Action }[] = [
  { href: "/dieu-hanh" },
  { href: "/nhap-lieu", needs: "figure.enter" },
  { href: "/chi-tieu", needs: "target.assign" },
  { href: "/nhap-tep", needs: "figure.enter" },
  { href: "/tai-khoan", needs: "user.manage" },
  { href: "/chi-so", needs: "indicator.define" },
  { href: "/chat-luong", needs: "quality.view" },
  { href: "/doi-soat", needs: "quality.view" },
  { href: "/cong-bo", needs: "edition.publish" },
  { href: "/nhat-ky" },
  { href: "/" },
];

/**
 * The staff pages' header: on a desktop one line; on a phone two (the pages, then who is
 * signed in and their actions), each scrolling sideways rather than wrapping.
 */
export function StaffHeader({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  const t = staffMessages(locale);
  return (
    <header className="border-b border-slate-200 bg-white print:hidden" lang={locale}>
      <div className="mx-auto flex max-w-7xl flex-col gap-y-1.5 px-4 py-2 md:flex-row md:flex-wrap md:items-center md:gap-x-6 md:py-3">
        <div className="flex min-w-0 items-center gap-x-4 md:gap-x-6">
          <Link href="/" className="shrink-0 font-bold text-brand-700">
            {t.brand}
          </Link>
          {actor ? (
            <StaffNav
              label={t.nav}
              links={PAGES.filter((p) => !p.needs || roleHas(actor.role, p.needs)).map((p) => ({
                href: p.href,
                text: t.pages[p.href] ?? p.href,
              }))}
            />
          ) : null}
        </div>
        {actor ? (
          <div className="flex min-w-0 items-center gap-3 overflow-x-auto whitespace-nowrap text-sm md:ml-auto md:flex-wrap md:overflow-visible">
            <span className="min-w-0 truncate">
              <span className="font-semibold">{actor.displayName}</span>{" "}
              <span className="hidden text-slate-600 sm:inline">· {t.roles[actor.role]}</span>
            </span>
            <Link href="/doi-mat-khau" className="whitespace-nowrap hover:underline">
              {t.changePassword}
            </Link>
            {/* On a phone the row would push "Sign out" off the screen: there it is linked from the password page. */}
            <Link href="/xac-thuc-hai-buoc" className="hidden whitespace-nowrap hover:underline md:inline">
              {t.secondFactor.title}
            </Link>
            <Suspense fallback={null}>
              <StaffLanguageSwitch locale={locale} />
            </Suspense>
            <SignOutButton label={t.signOut} />
          </div>
        ) : null}
      </div>
    </header>
  );
}
