import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Đăng nhập – Đề án 06" };

type Props = { searchParams: Promise<{ next?: string; code?: string }> };

// Sign-in through the Auth.js endpoint (without JavaScript) comes back here with a code.
const NOTICES: Record<string, string> = {
  invalid: "Sai tên đăng nhập hoặc mật khẩu.",
  limited: "Tài khoản hoặc địa chỉ này đang bị tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ít phút.",
  credentials: "Sai tên đăng nhập hoặc mật khẩu.",
};

export default async function SignInPage({ searchParams }: Props) {
  const { next, code } = await searchParams;
  const target = safeRedirectPath(next, "/nhap-lieu");
  if (await currentActor()) redirect(target);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-8">
      <h1 className="mb-1 text-2xl font-bold">Đăng nhập cán bộ</h1>
      <p className="mb-6 text-sm text-slate-600">
        Nhập số liệu, phê duyệt và theo dõi tiến độ Đề án 06 của đơn vị mình. Tài khoản do quản trị cấp trên cấp.
      </p>
      <SignInForm next={target} notice={code ? (NOTICES[code] ?? NOTICES.invalid ?? null) : null} />
      <p className="mt-6 text-sm">
        <Link href="/" className="text-brand-700 underline">
          ← Bảng xếp hạng công khai
        </Link>
      </p>
    </main>
  );
}
