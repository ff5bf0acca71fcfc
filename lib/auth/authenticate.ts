import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { limitMessage, loginLimit, markLoginSucceeded, releaseLoginAttempt, reserveLoginAttempt } from "./login-limits";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { pendingToken, readPendingToken } from "./pending-sign-in";
import { spendSecondFactorCode } from "./second-factor";

type SignedIn = { id: number; username: string; displayName: string; sessionVersion: number };

export type AuthenticateResult =
  | { ok: true; user: SignedIn }
  | { ok: false; reason: "invalid" | "limited" | "expired"; message: string }
  /** The password was right and the account has a second factor: ask for its code. */
  | { ok: false; reason: "second-factor"; message: string; pendingToken: string };

const INVALID = "Sai tên đăng nhập hoặc mật khẩu.";
const INVALID_CODE = "Mã xác thực không đúng hoặc đã được dùng.";
const EXPIRED = "Bước đăng nhập đã hết hạn; nhập lại tên đăng nhập và mật khẩu.";

function clean(text: string): string {
  // Control characters are never part of a name (and PostgreSQL text cannot hold NUL).
  return text.replace(/\p{Cc}/gu, "").slice(0, 100);
}

/**
 * Checks a sign-in: refuses while a brute-force limit is in force (without checking the
 * password), records every attempt before its password is checked (so a parallel burst
 * cannot outrun the limit), and logs the outcome. Disabled accounts fail like wrong
 * passwords so an attacker learns nothing.
 *
 * An account with a second factor needs its code too. Given with the password (`code`, as a
 * script does), a wrong code fails exactly like a wrong password: same answer, same count,
 * same time (only TOTP codes are taken here, no slow recovery-code check). Without a code, a
 * right password answers "second-factor" with a signed pending token for the code step
 * (`authenticateCode`), and its attempt counts neither as a failure nor as a success.
 */
export async function authenticate(
  prisma: PrismaClient,
  credentials: { username: string; password: string; code?: string; address: string },
): Promise<AuthenticateResult> {
  const username = clean(credentials.username).trim().toLowerCase();
  const address = clean(credentials.address);
  const { password } = credentials;
  const reserved = await reserveLoginAttempt(prisma, username, address);
  if ("limit" in reserved) {
    log("login.limited", username, address);
    return { ok: false, reason: "limited", message: limitMessage(reserved.limit) };
  }
  const user = await prisma.appUser.findUnique({ where: { username } });
  let valid =
    user && !user.disabled ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  if (valid && user?.totpSecret) {
    if (!credentials.code) {
      await releaseLoginAttempt(prisma, reserved.attemptId);
      log("login.password-ok", username, address);
      return {
        ok: false,
        reason: "second-factor",
        message: "Nhập mã xác thực.",
        pendingToken: pendingToken({ userId: user.id, sessionVersion: user.sessionVersion }),
      };
    }
    valid = (await spendSecondFactorCode(prisma, user, credentials.code, { recovery: false })) !== null;
  }
  if (!valid || !user) return failed(prisma, username, address, INVALID);
  return succeeded(prisma, reserved.attemptId, user, address);
}

/**
 * The code step: the pending token from a right password, and a TOTP or recovery code.
 * Counted under the same limits as a password (five wrong codes lock the account as five
 * wrong passwords do); a code is used up when accepted.
 */
export async function authenticateCode(
  prisma: PrismaClient,
  input: { pending: string | undefined; code: string; address: string },
): Promise<AuthenticateResult> {
  const address = clean(input.address);
  const pending = readPendingToken(input.pending);
  const user = pending ? await prisma.appUser.findUnique({ where: { id: pending.userId } }) : null;
  if (!pending || !user || user.disabled || !user.totpSecret || user.sessionVersion !== pending.sessionVersion)
    return { ok: false, reason: "expired", message: EXPIRED };
  const reserved = await reserveLoginAttempt(prisma, user.username, address);
  if ("limit" in reserved) {
    log("login.limited", user.username, address);
    return { ok: false, reason: "limited", message: limitMessage(reserved.limit) };
  }
  const used = await spendSecondFactorCode(prisma, user, input.code, { recovery: true });
  if (!used) return failed(prisma, user.username, address, INVALID_CODE);
  if (used === "recovery") log("login.recovery-code-used", user.username, address);
  return succeeded(prisma, reserved.attemptId, user, address);
}

async function failed(
  prisma: PrismaClient,
  username: string,
  address: string,
  message: string,
): Promise<AuthenticateResult> {
  log("login.failed", username, address);
  // The attempt that reaches the limit already says so.
  const now = await loginLimit(prisma, username, address);
  return now ? { ok: false, reason: "limited", message: limitMessage(now) } : { ok: false, reason: "invalid", message };
}

async function succeeded(
  prisma: PrismaClient,
  attemptId: bigint,
  user: SignedIn,
  address: string,
): Promise<AuthenticateResult> {
  await markLoginSucceeded(prisma, attemptId);
  await prisma.appUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  log("login.success", user.username, address);
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, sessionVersion: user.sessionVersion },
  };
}

function log(event: string, username: string, address: string) {
  console.info(JSON.stringify({ event, at: new Date().toISOString(), user: username, address }));
}
