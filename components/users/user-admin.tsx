"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLE_NAMES } from "@/lib/access/actor";
import type { ManagedUser, UserActionOutcome } from "@/lib/auth/manage-users";
import type { Role } from "@/lib/generated/prisma/enums";

type Notice = { kind: "ok" | "error"; text: string; password?: string } | null;

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
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function send(body: Record<string, string>) {
    setBusy(true);
    setNotice(null);
    try {
      const response = await fetch("/api/v1/users", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as UserActionOutcome & { error?: { message?: string } };
      if (!response.ok) {
        setNotice({ kind: "error", text: answer.error?.message ?? `Máy chủ trả lời lỗi ${response.status}.` });
        return false;
      }
      const done: Record<string, string> = {
        create: `Đã tạo tài khoản ${answer.username}.`,
        disable: `Đã khoá ${answer.username}; mọi phiên đăng nhập của tài khoản đã kết thúc.`,
        enable: `Đã mở khoá ${answer.username}.`,
        "reset-password": `Đã đặt lại mật khẩu của ${answer.username}; các phiên cũ đã kết thúc.`,
      };
      setNotice({ kind: "ok", text: done[answer.action] ?? "Đã xong.", password: answer.password });
      router.refresh();
      return true;
    } catch {
      setNotice({ kind: "error", text: "Mất kết nối tới máy chủ; thử lại." });
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <form
        className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-5 sm:items-end"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          if (await send({ action: "create", ...data })) form.reset();
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
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          Tạo tài khoản
        </button>
      </form>

      <div aria-live="polite">
        {notice ? (
          <div
            role={notice.kind === "error" ? "alert" : "status"}
            className={`rounded border p-3 ${notice.kind === "ok" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
          >
            <p>{notice.text}</p>
            {notice.password ? (
              <p className="mt-1">
                Mật khẩu: <code className="rounded bg-white px-1 font-bold">{notice.password}</code> — chỉ hiện một lần;
                trao trực tiếp cho cán bộ, không gửi qua tin nhắn.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="bg-slate-100 text-left">
              <th scope="col" className="p-2">
                Tài khoản
              </th>
              <th scope="col" className="p-2">
                Vai trò
              </th>
              <th scope="col" className="p-2">
                Đơn vị
              </th>
              <th scope="col" className="p-2">
                Trạng thái
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
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
        </table>
      </div>
    </div>
  );
}
