import type { Metadata } from "next";
import { UserAdmin } from "@/components/users/user-admin";
import { loadForPage, requireActorForPage } from "@/lib/auth/current-user";
import { listManagedUsers, MANAGEABLE_ROLES } from "@/lib/auth/manage-users";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Tài khoản – Đề án 06" };

export default async function UsersPage() {
  const actor = await requireActorForPage("/tai-khoan");
  const users = await loadForPage(() => listManagedUsers(db(), actor));
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">Tài khoản trong phạm vi quản lý</h1>
      <p className="text-slate-700">
        Tạo tài khoản cho cán bộ của đơn vị mình và cấp dưới, khoá tài khoản khi cán bộ chuyển công tác (mọi phiên đăng
        nhập kết thúc ngay), đặt lại mật khẩu khi cán bộ quên.
      </p>
      <UserAdmin users={users} self={actor.username} manageable={MANAGEABLE_ROLES[actor.role]} />
    </main>
  );
}
