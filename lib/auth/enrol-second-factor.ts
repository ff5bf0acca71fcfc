import "server-only";
import type { Actor } from "@/lib/access/actor";
import { type AuditRecord, writeAudit } from "@/lib/audit/write-audit";
import { InvalidParamError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { limitMessage, loginLimit, markLoginSucceeded, reserveLoginAttempt } from "./login-limits";
import { NO_SECOND_FACTOR, spendSecondFactorCode } from "./second-factor";
import { matchTotpStep, newRecoveryCodes, newTotpSecret, secondFactorRequired } from "./totp";

/** The refusal of a wrong confirmation code (the set-up page words it in its own language). */
export const WRONG_ENROL_CODE = "Mã không đúng: nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.";

export type SecondFactorStatus =
  | { enabled: true; enabledAt: Date; recoveryCodesLeft: number; required: boolean }
  | { enabled: false; required: boolean; pendingSecret: string };

/**
 * The signed-in user's second factor; when there is none, the secret offered for enrolment
 * (made once and kept until confirmed, so reloading the page does not change the QR code).
 */
export async function secondFactorStatus(prisma: PrismaClient, actor: Actor): Promise<SecondFactorStatus> {
  const user = await prisma.appUser.findUniqueOrThrow({ where: { id: actor.id } });
  const required = secondFactorRequired(user.role);
  if (user.totpSecret && user.totpEnabledAt)
    return {
      enabled: true,
      enabledAt: user.totpEnabledAt,
      recoveryCodesLeft: user.recoveryCodeHashes.length,
      required,
    };
  if (user.totpPendingSecret) return { enabled: false, required, pendingSecret: user.totpPendingSecret };
  const pendingSecret = newTotpSecret();
  // Two first loads at once keep whichever secret was written first.
  await prisma.appUser.updateMany({
    where: { id: user.id, totpPendingSecret: null },
    data: { totpPendingSecret: pendingSecret },
  });
  const kept = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true } });
  return { enabled: false, required, pendingSecret: kept.totpPendingSecret ?? pendingSecret };
}

function ownAudit(action: string, actor: Actor, on: boolean): AuditRecord {
  return {
    action,
    entity: "user",
    entityId: actor.id,
    unitId: actor.unitId,
    indicatorId: null,
    oldValue: { username: actor.username, secondFactor: !on },
    newValue: { username: actor.username, secondFactor: on },
  };
}

/**
 * Confirms enrolment with a code from the app: the offered secret becomes the account's,
 * ten recovery codes are made (returned once, stored hashed), the code's time step is the
 * last one used (it cannot sign in again), and every other session of the user ends.
 */
export async function confirmSecondFactor(
  prisma: PrismaClient,
  actor: Actor,
  input: { code: string; keepSessionId: string },
): Promise<{ recoveryCodes: string[] }> {
  const user = await prisma.appUser.findUniqueOrThrow({ where: { id: actor.id } });
  if (user.totpSecret) throw new InvalidParamError("code", "Xác thực hai bước đã được bật cho tài khoản này.");
  const secret = user.totpPendingSecret;
  const step = secret ? matchTotpStep(secret, input.code.slice(0, 50)) : null;
  if (!secret || step === null) throw new InvalidParamError("code", WRONG_ENROL_CODE);
  const { codes, hashes } = await newRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.appUser.updateMany({
      where: { id: user.id, totpSecret: null, totpPendingSecret: secret },
      data: {
        totpSecret: secret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
        recoveryCodeHashes: hashes,
      },
    });
    if (claimed.count !== 1) throw new InvalidParamError("code", "Xác thực hai bước đã được bật cho tài khoản này.");
    await tx.userSession.updateMany({
      where: { userId: user.id, id: { not: input.keepSessionId }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, { actor: actor.username, requestId: null }, [ownAudit("user-second-factor-on", actor, true)]);
  });
  log("user.second-factor-on", actor.username);
  return { recoveryCodes: codes };
}

/**
 * Turns the second factor off, for a user whose role does not require one, with a current
 * code (or a recovery code): a borrowed session alone cannot remove it.
 */
export async function turnOffSecondFactor(
  prisma: PrismaClient,
  actor: Actor,
  input: { code: string; address: string },
): Promise<void> {
  const user = await prisma.appUser.findUniqueOrThrow({ where: { id: actor.id } });
  if (secondFactorRequired(user.role))
    throw new InvalidParamError("code", "Vai trò của tài khoản này bắt buộc dùng xác thực hai bước.");
  if (!user.totpSecret) return;
  // Under the sign-in limits: guessing codes from a borrowed session is still guessing.
  const reserved = await reserveLoginAttempt(prisma, user.username, input.address);
  if ("limit" in reserved) throw new InvalidParamError("code", limitMessage(reserved.limit));
  if (!(await spendSecondFactorCode(prisma, user, input.code, { recovery: true }))) {
    const limit = await loginLimit(prisma, user.username, input.address);
    throw new InvalidParamError("code", limit ? limitMessage(limit) : "Mã xác thực không đúng hoặc đã được dùng.");
  }
  await markLoginSucceeded(prisma, reserved.attemptId);
  await prisma.$transaction(async (tx) => {
    await tx.appUser.update({ where: { id: user.id }, data: NO_SECOND_FACTOR });
    await writeAudit(tx, { actor: actor.username, requestId: null }, [
      ownAudit("user-second-factor-off", actor, false),
    ]);
  });
  log("user.second-factor-off", actor.username);
}

function log(event: string, username: string): void {
  console.info(JSON.stringify({ event, at: new Date().toISOString(), user: username }));
}
