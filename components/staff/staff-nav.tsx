"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Whether `href` is the page shown (or a page under it); the leaderboard "/" only on itself. */
function isCurrent(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

/**
 * The staff pages' links, the one shown marked (aria-current and underlined). On a phone they
 * stay on one line that scrolls sideways instead of wrapping the header down the screen.
 */
export function StaffNav({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  const path = usePathname();
  return (
    <nav
      aria-label={label}
      className="-mb-1 flex min-w-0 gap-4 overflow-x-auto whitespace-nowrap pb-1 text-sm font-semibold md:flex-wrap md:overflow-visible"
    >
      {links.map((l) => {
        const current = isCurrent(l.href, path);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={
              current
                ? "text-brand-700 underline decoration-2 underline-offset-4"
                : "hover:underline focus-visible:underline"
            }
          >
            {l.text}
          </Link>
        );
      })}
    </nav>
  );
}
