"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { serverActionStarted } from "@/lib/http/server-action-guard";

export type SignInState = { error: string | null; username: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  serverActionStarted();
  const username = String(form.get("username") ?? "").slice(0, 100);
  const password = String(form.get("password") ?? "").slice(0, 500);
  if (!username || !password) return { error: "Nhập tên đăng nhập và mật khẩu.", username };
  try {
    await signIn("credentials", { username, password, redirectTo: safeRedirectPath(form.get("next"), "/nhap-lieu") });
  } catch (error) {
    if (error instanceof AuthError) {
      // Our refusals carry a message meant for the user (wrong password or the limit in force).
      const message = error.type === "CredentialsSignin" ? error.message.split(". Read more at")[0]?.trim() : null;
      if (message && message !== "CredentialsSignin") return { error: message, username };
      if (error.type === "CredentialsSignin") return { error: "Sai tên đăng nhập hoặc mật khẩu.", username };
      console.error(error);
      return { error: "Không đăng nhập được do lỗi máy chủ; vui lòng báo quản trị hệ thống.", username };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { error: null, username };
}

export async function signOutAction(): Promise<void> {
  serverActionStarted();
  await signOut({ redirectTo: "/dang-nhap" });
}
