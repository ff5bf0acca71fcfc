import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Brute-force limits, counted from the login_attempt table so a restart resets nothing.
export const ACCOUNT_FAILURES_ALLOWED = 5;
export const ADDRESS_FAILURES_ALLOWED = 30;
export const LIMIT_WINDOW_MINUTES = 15;

export type LoginLimit = { scope: "account" | "address"; retryAfterMinutes: number };

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Advisory lock namespaces (the first key): accounts and addresses never share a lock.
const ACCOUNT_LOCK = 1;
const ADDRESS_LOCK = 2;

/**
 * Takes a place for one sign-in attempt, before its password is checked: under a lock per
 * account and per address, the limit is read and, when not reached, the attempt is written
 * as a failure, in one transaction. However many attempts arrive at once, no more than the
 * limit get past it. Returns the attempt to mark as a success, or the limit in force.
 */
export async function reserveLoginAttempt(
  prisma: PrismaClient,
  username: string,
  address: string,
): Promise<{ attemptId: bigint } | { limit: LoginLimit }> {
  return prisma.$transaction(async (tx) => {
    // Always account first, then address: no two attempts wait on each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${username}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${address}))`;
    const limit = await loginLimit(tx, username, address);
    if (limit) return { limit };
    const attempt = await tx.loginAttempt.create({ data: { username, address, success: false }, select: { id: true } });
    return { attemptId: attempt.id };
  });
}

/** The attempt's password was right: it no longer counts as a failure. */
export async function markLoginSucceeded(prisma: PrismaClient, attemptId: bigint): Promise<void> {
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/**
 * The limit in force for this account or address, if any: too many failures within the
 * window (for an account, only failures since its last successful sign-in count).
 */
export async function loginLimit(
  prisma: PrismaClient | Tx,
  username: string,
  address: string,
): Promise<LoginLimit | null> {
  const rows = await prisma.$queryRaw<{ scope: "account" | "address"; failures: number; oldest: Date | null }[]>`
    WITH window_start AS (SELECT now() - make_interval(mins => ${LIMIT_WINDOW_MINUTES}::int) AS t),
    account AS (
      SELECT at FROM login_attempt
      WHERE username = ${username} AND NOT success AND at > (SELECT t FROM window_start)
        AND at > COALESCE((SELECT max(at) FROM login_attempt WHERE username = ${username} AND success), '-infinity')
    ),
    address AS (
      SELECT at FROM login_attempt WHERE address = ${address} AND NOT success AND at > (SELECT t FROM window_start)
    )
    SELECT 'account' AS scope, count(*)::int AS failures,
           (SELECT at FROM account ORDER BY at DESC OFFSET ${ACCOUNT_FAILURES_ALLOWED - 1}::int LIMIT 1) AS oldest
    FROM account
    UNION ALL
    SELECT 'address', count(*)::int,
           (SELECT at FROM address ORDER BY at DESC OFFSET ${ADDRESS_FAILURES_ALLOWED - 1}::int LIMIT 1)
    FROM address`;
  for (const row of rows) {
    const allowed = row.scope === "account" ? ACCOUNT_FAILURES_ALLOWED : ADDRESS_FAILURES_ALLOWED;
    if (row.failures >= allowed && row.oldest) {
      // The limit lifts when the allowed-th most recent failure leaves the window.
      const liftsAt = row.oldest.getTime() + LIMIT_WINDOW_MINUTES * 60_000;
      return { scope: row.scope, retryAfterMinutes: Math.max(1, Math.ceil((liftsAt - Date.now()) / 60_000)) };
    }
  }
  return null;
}

export function limitMessage(limit: LoginLimit): string {
  return limit.scope === "account"
    ? `Tài khoản tạm khoá do nhập sai mật khẩu ${ACCOUNT_FAILURES_ALLOWED} lần (mã xác thực sai cũng được tính). Thử lại sau ${limit.retryAfterMinutes} phút hoặc liên hệ quản trị để đặt lại mật khẩu.`
    : `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Thử lại sau ${limit.retryAfterMinutes} phút.`;
}

/**
 * The attempt's password was right and its code is still to come: it counts neither as a
 * failure nor as a success (a success would clear the account's failures, and a wrong code
 * must keep counting towards the same limit as a wrong password).
 */
export async function releaseLoginAttempt(prisma: PrismaClient, attemptId: bigint): Promise<void> {
  await prisma.loginAttempt.delete({ where: { id: attemptId } });
}
