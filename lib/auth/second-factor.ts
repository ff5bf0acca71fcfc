import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { looksLikeRecoveryCode, matchRecoveryCode, matchTotpStep } from "./totp";

type Enrolled = { id: number; totpSecret: string | null; recoveryCodeHashes: string[] };

/**
 * Checks a second-factor code for a user and uses it up: a TOTP code is accepted only for a
 * time step later than the last one accepted (so it works once, and an older one never
 * again), a recovery code (when `recovery` allows it) only while it is still stored. Both
 * are claimed with one conditional UPDATE, so two requests racing with the same code cannot
 * both pass. Limits are the caller's: every call here has already been counted as an attempt.
 */
export async function spendSecondFactorCode(
  prisma: PrismaClient,
  user: Enrolled,
  code: string,
  options: { recovery: boolean },
): Promise<"totp" | "recovery" | null> {
  const secret = user.totpSecret;
  if (!secret) return null;
  const typed = code.slice(0, 50);
  const step = matchTotpStep(secret, typed);
  if (step !== null) {
    const claimed = await prisma.appUser.updateMany({
      where: { id: user.id, totpSecret: secret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  if (!options.recovery || !looksLikeRecoveryCode(typed)) return null;
  const hash = await matchRecoveryCode(typed, user.recoveryCodeHashes);
  if (!hash) return null;
  const claimed = await prisma.$executeRaw`
    UPDATE app_user SET recovery_code_hashes = array_remove(recovery_code_hashes, ${hash})
    WHERE id = ${user.id} AND ${hash} = ANY(recovery_code_hashes)`;
  return claimed === 1 ? "recovery" : null;
}

/** What clears a second factor: secret, pending secret, last step and recovery codes. */
export const NO_SECOND_FACTOR: {
  totpSecret: null;
  totpPendingSecret: null;
  totpEnabledAt: null;
  totpLastStep: null;
  recoveryCodeHashes: string[];
} = {
  totpSecret: null,
  totpPendingSecret: null,
  totpEnabledAt: null,
  totpLastStep: null,
  recoveryCodeHashes: [],
};
