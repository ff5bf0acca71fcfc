import Link from "next/link";
import { type Actor, ROLE_NAMES } from "@/lib/access/actor";
import { type Action, roleHas } from "@/lib/access/authorize";
import { SignOutButton } from "./sign-out-button";

/** The staff pages, each shown to the roles that may do what it is for. */
const PAGES: { href: string; label: string; needs?: Action }[] = [
  { href: "/dieu-hanh", label: "Điều hành" },
  { href: "/nhap-lieu", label: "Số liệu tuần", needs: "figure.enter" },
  { href: "/chi-tieu", label: "Giao chỉ tiêu", needs: "target.assign" },
  { href: "/nhap-tep", label: "Nhập từ tệp", needs: "figure.enter" },
  { href: "/tai-khoan", label: "Tài khoản", needs: "user.manage" },
  { href: "/nhat-ky", label: "Nhật ký thay đổi" },
  { href: "/", label: "Bảng xếp hạng" },
];

export function StaffHeader({ actor }: { actor: Actor | null }) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-bold text-brand-700">
          Đề án 06
        </Link>
        {actor ? (
          <>
            <nav aria-label="Chức năng" className="flex flex-wrap gap-4 text-sm font-semibold">
              {PAGES.filter((p) => !p.needs || roleHas(actor.role, p.needs)).map((p) => (
                <Link key={p.href} href={p.href} className="hover:underline">
                  {p.label}
                </Link>
              ))}
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <span>
                <span className="font-semibold">{actor.displayName}</span>{" "}
                <span className="text-slate-600">· {ROLE_NAMES[actor.role]}</span>
              </span>
              <Link href="/doi-mat-khau" className="hover:underline">
                Đổi mật khẩu
              </Link>
              <SignOutButton />
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
