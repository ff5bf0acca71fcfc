import Link from "next/link";
import { signOutAction } from "@/app/dang-nhap/actions";
import { type Actor, ROLE_NAMES } from "@/lib/access/actor";
import { roleHas } from "@/lib/access/authorize";

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
              <Link href="/dieu-hanh" className="hover:underline">
                Điều hành
              </Link>
              {roleHas(actor.role, "figure.enter") && (
                <Link href="/nhap-lieu" className="hover:underline">
                  Số liệu tuần
                </Link>
              )}
              {roleHas(actor.role, "target.assign") && (
                <Link href="/chi-tieu" className="hover:underline">
                  Giao chỉ tiêu
                </Link>
              )}
              {roleHas(actor.role, "figure.enter") && (
                <Link href="/nhap-tep" className="hover:underline">
                  Nhập từ tệp
                </Link>
              )}
              {roleHas(actor.role, "user.manage") && (
                <Link href="/tai-khoan" className="hover:underline">
                  Tài khoản
                </Link>
              )}
              <Link href="/nhat-ky" className="hover:underline">
                Nhật ký thay đổi
              </Link>
              <Link href="/" className="hover:underline">
                Bảng xếp hạng
              </Link>
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <span>
                <span className="font-semibold">{actor.displayName}</span>{" "}
                <span className="text-slate-600">· {ROLE_NAMES[actor.role]}</span>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
                  Đăng xuất
                </button>
              </form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
