import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { limitMessage, loginLimit, markLoginSucceeded, reserveLoginAttempt } from "./login-limits";
import { verifyAgainstNothing, verifyPassword } from "./password";

export type AuthenticateResult =
  | { ok: true; user: { id: number; username: string; displayName: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "limited"; message: string };

const INVALID = "Sai tên đăng nhập hoặc mật khẩu.";

/**
 * Checks a sign-in: refuses while a brute-force limit is in force (without checking the
 * password), records every attempt before its password is checked (so a parallel burst
 * cannot outrun the limit), and logs the outcome. Disabled accounts fail like wrong
 * passwords so an attacker learns nothing.
 */
export async function authenticate(
  prisma: PrismaClient,
  credentials: { username: string; password: string; address: string },
): Promise<AuthenticateResult> {
  // Control characters are never part of a name (and PostgreSQL text cannot hold NUL).
  const username = credentials.username
    .replace(/\p{Cc}/gu, "")
    .trim()
    .toLowerCase()
    .slice(0, 100);
  const address = credentials.address.replace(/\p{Cc}/gu, "").slice(0, 100);
  const { password } = credentials;
  const reserved = await reserveLoginAttempt(prisma, username, address);
  if ("limit" in reserved) {
    log("login.limited", username, address);
    return { ok: false, reason: "limited", message: limitMessage(reserved.limit) };
  }
  const user = await prisma.appUser.findUnique({ where: { username } });
  const valid =
    user && !user.disabled ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password);
  if (!valid || !user) {
    log("login.failed", username, address);
    // The attempt that reaches the limit already says so.
    const now = await loginLimit(prisma, username, address);
    return now
      ? { ok: false, reason: "limited", message: limitMessage(now) }
      : { ok: false, reason: "invalid", message: INVALID };
  }
  await markLoginSucceeded(prisma, reserved.attemptId);
  await prisma.appUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  log("login.success", username, address);
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, sessionVersion: user.sessionVersion },
  };
}

function log(event: string, username: string, address: string) {
  console.info(JSON.stringify({ event, at: new Date().toISOString(), user: username, address }));
}
