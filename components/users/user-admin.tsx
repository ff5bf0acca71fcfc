"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { manageUserAction } from "@/app/(staff)/tai-khoan/actions";
import { Notice } from "@/components/ui/notice";
import { ScrollTable } from "@/components/ui/table";
import { useRequest } from "@/components/ui/use-request";
import { ROLE_NAMES } from "@/lib/access/actor";
import type { ManagedUser, UserActionInput } from "@/lib/auth/manage-users";
import type { Role } from "@/lib/generated/prisma/enums";

/** The account list of an admin's scope, with creation, locking and password resets. */
export function UserAdmin({
  users,
  self,
  manageable,
}: {
  users: ManagedUser[];
  self: string;
  /** The roles this admin may create, lock and reset (those below their own). */
  manageable: readonly Role[];
}) {
  const router = useRouter();
  const request = useRequest();
  const { busy, notice } = request;
  const [password, setPassword] = useState<string | null>(null);

  async function send(input: UserActionInput) {
    setPassword(null);
    const result = await request.send(
      `${input.action}:${input.username}`,
      (requestId) => manageUserAction({ ...input, requestId }),
      "Mất kết nối tới máy chủ; thử lại (không ghi trùng).",
    );
    if (!result?.ok) return false;
    const { username, action, replayed } = result.value;
    const done: Record<string, string> = {
      create: `Đã tạo tài khoản ${username}.`,
      disable: `Đã khoá ${username}; mọi phiên đăng nhập của tài khoản đã kết thúc.`,
      enable: `Đã mở khoá ${username}.`,
      "reset-password": `Đã đặt lại mật khẩu của ${username}; các phiên cũ đã kết thúc.`,
      "set-email": `Đã lưu e-mail nhắc báo cáo của ${username}.`,
    };
    request.setNotice({
      kind: "ok",
      text: `${done[action] ?? "Đã xong."}${replayed ? " (Yêu cầu này đã được thực hiện trước đó; mật khẩu chỉ hiện ở lần đầu.)" : ""}`,
    });
    setPassword(result.value.password ?? null);
    router.refresh();
    return true;
  }

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end lg:grid-cols-6"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          const created = await send({
            action: "create",
            username: data.username ?? "",
            displayName: data.displayName ?? "",
            role: (data.role ?? "") as Role,
            unit: data.unit ?? "",
            email: data.email ?? "",
          });
          if (created) form.reset();
        }}
      >
        <label className="text-sm font-semibold">
          Tên đăng nhập
          <input
            name="username"
            required
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          Họ tên
          <input
            name="displayName"
            required
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          Vai trò
          <select name="role" className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal">
            {manageable.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Mã đơn vị
          <input
            name="unit"
            required
            inputMode="numeric"
            placeholder="01, 001 hoặc 00004"
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          E-mail nhắc báo cáo (không bắt buộc)
          <input
            name="email"
            type="email"
            maxLength={254}
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-normal"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Tạo tài khoản
        </button>
      </form>

      <Notice notice={notice}>
        {password ? (
          <p className="mt-1">
            Mật khẩu: <code className="rounded bg-white px-1 font-bold">{password}</code> — chỉ hiện một lần; trao trực
            tiếp cho cán bộ, không gửi qua tin nhắn.
          </p>
        ) : null}
      </Notice>

      <ScrollTable
        columns={[
          { label: "Tài khoản" },
          { label: "Vai trò" },
          { label: "Đơn vị" },
          { label: "E-mail nhắc báo cáo" },
          { label: "Trạng thái" },
          { key: "actions", label: <span className="sr-only">Thao tác</span> },
        ]}
      >
        <tbody>
          {users.map((u) => (
            <tr key={u.username} className="border-t border-slate-200" data-user={u.username}>
              <td className="p-2">
                <span className="font-semibold">{u.username}</span>
                <br />
                <span className="text-slate-600">{u.displayName}</span>
              </td>
              <td className="p-2">{ROLE_NAMES[u.role]}</td>
              <td className="p-2">{u.unit ? `${u.unit.name} (${u.unit.code})` : "toàn quốc"}</td>
              <td className="p-2">
                {u.username === self || !manageable.includes(u.role) ? (
                  (u.email ?? "–")
                ) : (
                  <form
                    className="flex gap-1"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const email = String(new FormData(e.currentTarget).get("email") ?? "");
                      void send({ action: "set-email", username: u.username, email });
                    }}
                  >
                    <input
                      name="email"
                      type="email"
                      maxLength={254}
                      defaultValue={u.email ?? ""}
                      aria-label={`E-mail nhắc báo cáo của ${u.username}`}
                      className="w-48 rounded border border-slate-400 px-2 py-1"
                    />
                    <button
                      type="submit"
                      disabled={busy}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      Lưu
                    </button>
                  </form>
                )}
              </td>
              <td className="p-2">{u.disabled ? "Đã khoá" : "Đang dùng"}</td>
              <td className="space-x-2 whitespace-nowrap p-2">
                {u.username === self || !manageable.includes(u.role) ? (
                  <span className="text-slate-500">
                    {u.username === self ? "Tài khoản của bạn" : "Vai trò ngang hoặc cao hơn"}
                  </span>
                ) : (
                  <>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => send({ action: u.disabled ? "enable" : "disable", username: u.username })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      {u.disabled ? "Mở khoá" : "Khoá"}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => send({ action: "reset-password", username: u.username })}
                      className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
                    >
                      Đặt lại mật khẩu
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
