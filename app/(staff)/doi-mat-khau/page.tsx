import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { CHANGE_PASSWORD_PATH, currentSession } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Đổi mật khẩu – Đề án 06" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function ChangePasswordPage({ searchParams }: Props) {
  const signedIn = await currentSession();
  if (!signedIn) redirect(`/dang-nhap?next=${CHANGE_PASSWORD_PATH}`);
  const { next } = await searchParams;
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-8">
      <h1 className="text-2xl font-bold">Đổi mật khẩu</h1>
      {signedIn.mustChangePassword ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          Mật khẩu này do quản trị cấp cho bạn. Hãy chọn mật khẩu của riêng mình trước khi tiếp tục: chỉ bạn biết mật
          khẩu mới.
        </p>
      ) : (
        <p className="text-slate-700">
          Sau khi đổi, các phiên đăng nhập khác của tài khoản (máy khác, trình duyệt khác) kết thúc ngay.
        </p>
      )}
      <ChangePasswordForm then={safeRedirectPath(next, "/nhap-lieu")} />
    </main>
  );
}
