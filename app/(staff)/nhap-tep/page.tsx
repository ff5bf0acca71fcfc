import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { ROLE_NAMES } from "@/lib/access/actor";
import { unitIdsInScope } from "@/lib/access/authorize";
import { requireActorForPage } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Nhập từ tệp – Đề án 06" };

export default async function UploadPage() {
  const actor = await requireActorForPage("/nhap-tep");
  const [figures, targets] = await Promise.all([
    unitIdsInScope(db(), actor, "figure.enter"),
    unitIdsInScope(db(), actor, "target.assign"),
  ]);
  const canEnter = figures === undefined || figures.size > 0;
  const canAssign = targets === undefined || targets.size > 0;
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">Nhập số liệu hoặc chỉ tiêu từ tệp</h1>
      {canEnter ? (
        <>
          <p className="text-slate-700">
            Mọi dòng được kiểm tra trước; tệp có lỗi không ghi gì. Chỉ nhận đơn vị trong phạm vi của tài khoản (
            {ROLE_NAMES[actor.role]}); tuần đã được phê duyệt không sửa được bằng tệp.
          </p>
          <UploadForm canAssignTargets={canAssign} />
        </>
      ) : (
        <p className="rounded border border-amber-300 bg-amber-50 p-3">
          Tài khoản {ROLE_NAMES[actor.role]} chỉ xem số liệu, không nhập. Liên hệ quản trị nếu cần quyền nhập.
        </p>
      )}
    </main>
  );
}
