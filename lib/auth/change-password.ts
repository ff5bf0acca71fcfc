import "server-only";
import type { Actor } from "@/lib/access/actor";
import { InvalidParamError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { limitMessage, loginLimit, markLoginSucceeded, reserveLoginAttempt } from "./login-limits";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

/**
 * A user replaces their own password. The current one is checked under the same limits as
 * a sign-in (a borrowed session must not become a way to guess it). The new one must differ
 * from the current one and the one before it. On success the new password is stored (the
 * current one becomes the previous one), the "must change" mark is cleared and every other session of the user
 * ends; the one in use (`keepSessionId`) goes on.
 */
export async function changeOwnPassword(
  prisma: PrismaClient,
  actor: Actor,
  input: { current: string; next: string; confirm: string; address: string; keepSessionId: string },
): Promise<void> {
  const problem = passwordProblem(input.next);
  if (problem) throw new InvalidParamError("next", problem);
  if (input.next !== input.confirm)
    throw new InvalidParamError("confirm", "Hai lần nhập mật khẩu mới không giống nhau.");
  if (input.next === input.current) throw new InvalidParamError("next", "Mật khẩu mới phải khác mật khẩu đang dùng.");

  const reserved = await reserveLoginAttempt(prisma, actor.username, input.address);
  if ("limit" in reserved) throw new InvalidParamError("current", limitMessage(reserved.limit));
  const user = await prisma.appUser.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(input.current.slice(0, 500), user.passwordHash))) {
    const limit = await loginLimit(prisma, actor.username, input.address);
    throw new InvalidParamError("current", limit ? limitMessage(limit) : "Mật khẩu đang dùng không đúng.");
  }
  await markLoginSucceeded(prisma, reserved.attemptId);
  // Compared as hashed, so the same password typed in another Unicode form counts as the same.
  if (await verifyPassword(input.next, user.passwordHash))
    throw new InvalidParamError("next", "Mật khẩu mới phải khác mật khẩu đang dùng.");
  if (user.previousPasswordHash && (await verifyPassword(input.next, user.previousPasswordHash)))
    throw new InvalidParamError("next", "Mật khẩu mới phải khác mật khẩu dùng trước đó; chọn một mật khẩu chưa dùng.");
  const passwordHash = await hashPassword(input.next);
  await prisma.$transaction([
    prisma.appUser.update({
      where: { id: user.id },
      data: { passwordHash, previousPasswordHash: user.passwordHash, mustChangePassword: false },
    }),
    prisma.userSession.updateMany({
      where: { userId: user.id, id: { not: input.keepSessionId }, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
  ]);
  console.info(JSON.stringify({ event: "user.password-changed", at: new Date().toISOString(), user: actor.username }));
}
