"use server";

import { cookies, headers } from "next/headers";
import { AuthError } from "next-auth";
import { SignInRefused, signIn, signOut } from "@/lib/auth/auth";
import { PENDING_COOKIE, PENDING_MINUTES } from "@/lib/auth/pending-sign-in";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { serverActionStarted } from "@/lib/http/server-action-guard";

/** `notice`: a refusal the page words itself (in the page's language); `error`: the server's own message. */
export type SignInState = {
  error: string | null;
  username: string;
  step: "password" | "code";
  notice?: "codeInvalid" | "expired";
  /** What a refusal was, for a page in another language than the server's message. */
  reason?: "invalid" | "limited";
};

function reasonOf(error: AuthError): "invalid" | "limited" {
  return error instanceof SignInRefused && error.code === "limited" ? "limited" : "invalid";
}

/** The server's message from a refused sign-in (wrong password, the limit in force), or null. */
function refusal(error: AuthError): string | null {
  if (error.type !== "CredentialsSignin") return null;
  const message = error.message.split(". Read more at")[0]?.trim();
  return message && message !== "CredentialsSignin" ? message : "Sai tên đăng nhập hoặc mật khẩu.";
}

const SERVER_ERROR = "Không đăng nhập được do lỗi máy chủ; vui lòng báo quản trị hệ thống.";

async function passwordStep(_previous: SignInState, form: FormData): Promise<SignInState> {
  serverActionStarted();
  const username = String(form.get("username") ?? "").slice(0, 100);
  const password = String(form.get("password") ?? "").slice(0, 500);
  if (!username || !password) return { error: "Nhập tên đăng nhập và mật khẩu.", username, step: "password" };
  try {
    await signIn("credentials", { username, password, redirectTo: safeRedirectPath(form.get("next"), "/nhap-lieu") });
  } catch (error) {
    if (error instanceof SignInRefused && error.code === "second-factor" && error.pendingToken) {
      // The right password, for an account with a second factor: the code step carries on from a
      // signed note in an httpOnly cookie, never from the password kept anywhere.
      const https = (await headers()).get("x-forwarded-proto") === "https";
      (await cookies()).set(PENDING_COOKIE, error.pendingToken, {
        httpOnly: true,
        sameSite: "strict",
        secure: https,
        path: "/dang-nhap",
        maxAge: PENDING_MINUTES * 60,
      });
      return { error: null, username, step: "code" };
    }
    if (error instanceof AuthError) {
      const message = refusal(error);
      if (message) return { error: message, username, step: "password", reason: reasonOf(error) };
      console.error(error);
      return { error: SERVER_ERROR, username, step: "password" };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { error: null, username, step: "password" };
}

/** The code step: the pending note from the password step and a TOTP or recovery code. */
async function codeStep(previous: SignInState, form: FormData): Promise<SignInState> {
  serverActionStarted();
  const jar = await cookies();
  const pending = jar.get(PENDING_COOKIE)?.value;
  const code = String(form.get("code") ?? "").slice(0, 50);
  const username = previous.username;
  if (!pending) return { error: null, username, step: "password", notice: "expired" };
  if (!code.trim()) return { error: null, username, step: "code", notice: "codeInvalid" };
  try {
    await signIn("credentials", { pending, code, redirectTo: safeRedirectPath(form.get("next"), "/nhap-lieu") });
  } catch (error) {
    if (error instanceof SignInRefused) {
      if (error.code === "expired") {
        jar.delete({ name: PENDING_COOKIE, path: "/dang-nhap" });
        return { error: null, username, step: "password", notice: "expired" };
      }
      if (error.code === "limited") return { error: refusal(error), username, step: "code", reason: "limited" };
      return { error: null, username, step: "code", notice: "codeInvalid" };
    }
    if (error instanceof AuthError) {
      console.error(error);
      return { error: SERVER_ERROR, username, step: "code" };
    }
    jar.delete({ name: PENDING_COOKIE, path: "/dang-nhap" });
    throw error; // the redirect after a successful sign-in
  }
  return { error: null, username, step: "code" };
}

/** Leaves the code step: back to the password, for this or another account. */
async function startOver(): Promise<SignInState> {
  (await cookies()).delete({ name: PENDING_COOKIE, path: "/dang-nhap" });
  return { error: null, username: "", step: "password" };
}

/** The sign-in form's one action: its password step, its code step, or back to the start (`intent`). */
export async function signInAction(previous: SignInState, form: FormData): Promise<SignInState> {
  const intent = form.get("intent");
  if (intent === "code") return codeStep(previous, form);
  if (intent === "start-over") {
    serverActionStarted();
    return startOver();
  }
  return passwordStep(previous, form);
}

export async function signOutAction(): Promise<void> {
  serverActionStarted();
  await signOut({ redirectTo: "/dang-nhap" });
}
