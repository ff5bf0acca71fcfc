import type { PrismaClient } from "@/lib/generated/prisma/client";

// Brute-force limits, counted from the login_attempt table so a restart resets nothing.
export const ACCOUNT_FAILURES_ALLOWED = 5;
export const ADDRESS_FAILURES_ALLOWED = 30;
export const LIMIT_WINDOW_MINUTES = 15;

export type LoginLimit = { scope: "account" | "address"; retryAfterMinutes: number };

/**
 * The limit in force for this account or address, if any: too many failures within the
 * window (for an account, only failures since its last successful sign-in count).
 */
export async function loginLimit(prisma: PrismaClient, username: string, address: string): Promise<LoginLimit | null> {
  const rows = await prisma.$queryRawUnsafe<{ scope: "account" | "address"; failures: number; oldest: Date | null }[]>(
    `WITH window_start AS (SELECT now() - make_interval(mins => $3) AS t),
     account AS (
       SELECT at FROM login_attempt
       WHERE username = $1 AND NOT success AND at > (SELECT t FROM window_start)
         AND at > COALESCE((SELECT max(at) FROM login_attempt WHERE username = $1 AND success), '-infinity')
     ),
     address AS (
       SELECT at FROM login_attempt WHERE address = $2 AND NOT success AND at > (SELECT t FROM window_start)
     )
     SELECT 'account' AS scope, count(*)::int AS failures,
            (SELECT at FROM account ORDER BY at DESC OFFSET $4 - 1 LIMIT 1) AS oldest FROM account
     UNION ALL
     SELECT 'address', count(*)::int,
            (SELECT at FROM address ORDER BY at DESC OFFSET $5 - 1 LIMIT 1) FROM address`,
    username,
    address,
    LIMIT_WINDOW_MINUTES,
    ACCOUNT_FAILURES_ALLOWED,
    ADDRESS_FAILURES_ALLOWED,
  );
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

export async function recordLoginAttempt(
  prisma: PrismaClient,
  attempt: { username: string; address: string; success: boolean },
): Promise<void> {
  await prisma.loginAttempt.create({ data: attempt });
}

export function limitMessage(limit: LoginLimit): string {
  return limit.scope === "account"
    ? `Tài khoản tạm khoá do nhập sai mật khẩu ${ACCOUNT_FAILURES_ALLOWED} lần. Thử lại sau ${limit.retryAfterMinutes} phút hoặc liên hệ quản trị để đặt lại mật khẩu.`
    : `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Thử lại sau ${limit.retryAfterMinutes} phút.`;
}
