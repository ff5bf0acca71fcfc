import { spawnSync } from "node:child_process";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { authenticate, authenticateCode } from "@/lib/auth/authenticate";
import { ACCOUNT_FAILURES_ALLOWED } from "@/lib/auth/login-limits";
import { verifyPassword } from "@/lib/auth/password";
import { pendingToken } from "@/lib/auth/pending-sign-in";
import { openSession, sessionUser } from "@/lib/auth/sessions";
import { newRecoveryCodes, newTotpSecret, TOTP_PERIOD_SECONDS, timeStep, totpCode } from "@/lib/auth/totp";
import { createUser } from "@/lib/auth/users";
import { PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const PASSWORD = "mật khẩu đủ dài 123";
const ADDRESS = "10.0.0.9";

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "bí-mật-ký-phiên-cho-thử-nghiệm-0123456789";
  await resetDatabase();
  await loadSmallStructure(prisma);
  vi.spyOn(console, "info").mockImplementation(() => {});
});

beforeEach(async () => {
  await prisma.loginAttempt.deleteMany();
  await prisma.appUser.deleteMany();
});

/** A province admin of 01 enrolled with a fresh secret (and, when asked, recovery codes). */
async function enrolledAdmin(recovery?: string[]) {
  const user = await createUser(prisma, {
    username: "quantri",
    displayName: "Quản trị",
    password: PASSWORD,
    role: "PROVINCE_ADMIN",
    unitCode: "01",
    unitOn: new Date("2024-01-01"),
  });
  const secret = newTotpSecret();
  const recoveryCodeHashes = recovery ? (await newRecoveryCodes()).hashes : [];
  await prisma.appUser.update({
    where: { id: user.id },
    data: { totpSecret: secret, totpEnabledAt: new Date(), recoveryCodeHashes },
  });
  return { user, secret };
}

/** The password step, then the code step with its pending note. */
async function signIn(code: string) {
  const first = await authenticate(prisma, { username: "quantri", password: PASSWORD, address: ADDRESS });
  if (first.ok || first.reason !== "second-factor") throw new Error("expected the code step");
  return authenticateCode(prisma, { pending: first.pendingToken, code, address: ADDRESS });
}

const failures = () => prisma.loginAttempt.count({ where: { username: "quantri", success: false } });

describe("TOTP codes", () => {
  it("a right password alone does not sign in an enrolled account, and counts neither as failure nor success", async () => {
    await enrolledAdmin();
    const first = await authenticate(prisma, { username: "quantri", password: PASSWORD, address: ADDRESS });
    expect(first).toMatchObject({ ok: false, reason: "second-factor" });
    expect(await prisma.loginAttempt.count()).toBe(0);
  });

  it("accepts the current code once: the same code again is refused (no replay in its window)", async () => {
    const { secret } = await enrolledAdmin();
    const step = timeStep();
    const code = totpCode(secret, step);
    expect(await signIn(code)).toMatchObject({ ok: true });
    expect(await signIn(code)).toMatchObject({ ok: false, reason: "invalid" });
    const stored = await prisma.appUser.findUniqueOrThrow({ where: { username: "quantri" } });
    expect(stored.totpLastStep).toBe(step);
  });

  it("accepts one step either side of now, never two, and never a step older than the last accepted", async () => {
    const { secret } = await enrolledAdmin();
    const now = timeStep();
    expect(await signIn(totpCode(secret, now - 2))).toMatchObject({ ok: false });
    expect(await signIn(totpCode(secret, now + 2))).toMatchObject({ ok: false });
    expect(await signIn(totpCode(secret, now + 1))).toMatchObject({ ok: true });
    // The step before is still inside the window, but older than the one just used.
    expect(await signIn(totpCode(secret, now - 1))).toMatchObject({ ok: false, reason: "invalid" });
    expect(TOTP_PERIOD_SECONDS).toBe(30);
  });

  it("the same code sent twice at once signs in once", async () => {
    const { secret } = await enrolledAdmin();
    const code = totpCode(secret);
    const results = await Promise.all([signIn(code), signIn(code), signIn(code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("with the password in one request, a wrong code answers exactly as a wrong password does", async () => {
    const { secret } = await enrolledAdmin();
    const wrongCode = await authenticate(prisma, {
      username: "quantri",
      password: PASSWORD,
      code: "000000" === totpCode(secret) ? "111111" : "000000",
      address: ADDRESS,
    });
    const wrongPassword = await authenticate(prisma, {
      username: "quantri",
      password: "sai mật khẩu rồi",
      code: totpCode(secret),
      address: ADDRESS,
    });
    expect(wrongCode).toEqual(wrongPassword);
    expect(await failures()).toBe(2);
    expect(
      await authenticate(prisma, { username: "quantri", password: PASSWORD, code: totpCode(secret), address: ADDRESS }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a forged or stale pending note without counting or checking anything", async () => {
    const { user, secret } = await enrolledAdmin();
    const forged = `${pendingToken({ userId: user.id, sessionVersion: user.sessionVersion }).split(".")[0]}.AAAA`;
    expect(await authenticateCode(prisma, { pending: forged, code: totpCode(secret), address: ADDRESS })).toMatchObject(
      { ok: false, reason: "expired" },
    );
    const old = pendingToken({ userId: user.id, sessionVersion: user.sessionVersion }, Date.now() - 6 * 60_000);
    expect(await authenticateCode(prisma, { pending: old, code: totpCode(secret), address: ADDRESS })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    // A reset in between (the session version moved on) makes the note worthless.
    const note = pendingToken({ userId: user.id, sessionVersion: user.sessionVersion });
    await prisma.appUser.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await authenticateCode(prisma, { pending: note, code: totpCode(secret), address: ADDRESS })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect(await prisma.loginAttempt.count()).toBe(0);
  });
});

describe("limits", () => {
  it("five wrong codes lock the account like five wrong passwords, even for the right code after", async () => {
    const { secret } = await enrolledAdmin();
    for (let i = 1; i <= ACCOUNT_FAILURES_ALLOWED; i++) {
      const result = await signIn(`00000${i}`);
      expect(result).toMatchObject({ ok: false, reason: i < ACCOUNT_FAILURES_ALLOWED ? "invalid" : "limited" });
    }
    // The password step is refused too while the lock lasts, without its password being checked.
    expect(await authenticate(prisma, { username: "quantri", password: PASSWORD, address: ADDRESS })).toMatchObject({
      ok: false,
      reason: "limited",
    });
    expect(await failures()).toBe(ACCOUNT_FAILURES_ALLOWED);
    expect(totpCode(secret)).toMatch(/^\d{6}$/);
  });

  it("wrong passwords and wrong codes add up towards one limit", async () => {
    await enrolledAdmin();
    for (let i = 0; i < 3; i++)
      await authenticate(prisma, { username: "quantri", password: `sai-${i}-mat-khau`, address: ADDRESS });
    expect(await signIn("123456")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await signIn("654321")).toMatchObject({ ok: false, reason: "limited" });
  });

  it("a parallel burst of 50 wrong codes gets at most five checked", async () => {
    const { user } = await enrolledAdmin();
    const pending = pendingToken({ userId: user.id, sessionVersion: user.sessionVersion });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        authenticateCode(prisma, { pending, code: String(100000 + i), address: ADDRESS }),
      ),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await failures()).toBe(ACCOUNT_FAILURES_ALLOWED);
  });
});

describe("recovery codes", () => {
  it("are stored hashed like passwords and each signs in once", async () => {
    const { codes, hashes } = await newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashes.every((h) => h.startsWith("scrypt$"))).toBe(true);
    expect(await verifyPassword(codes[0] ?? "", hashes[0] ?? "")).toBe(true);

    const { user } = await enrolledAdmin();
    await prisma.appUser.update({ where: { id: user.id }, data: { recoveryCodeHashes: hashes } });
    const stored = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.recoveryCodeHashes.join()).not.toContain(codes[0]);
    // Typed in capitals and without the dash, it still works, once.
    expect(await signIn((codes[0] ?? "").replace("-", "").toUpperCase())).toMatchObject({ ok: true });
    expect(await signIn(codes[0] ?? "")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await signIn(codes[1] ?? "")).toMatchObject({ ok: true });
    const left = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(left.recoveryCodeHashes).toHaveLength(8);
  });

  it("are not taken with the password in one request (only in the code step)", async () => {
    const { codes, hashes } = await newRecoveryCodes();
    const { user } = await enrolledAdmin();
    await prisma.appUser.update({ where: { id: user.id }, data: { recoveryCodeHashes: hashes } });
    expect(
      await authenticate(prisma, { username: "quantri", password: PASSWORD, code: codes[0] ?? "", address: ADDRESS }),
    ).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("reset from the command line", () => {
  /** `npm run cli -- user …` as an operator on the server runs it, against this database. */
  function cli(...args: string[]) {
    const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, "scripts/cli.ts", "user", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), DATABASE_MIGRATION_URL: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it("user reset-2fa clears the second factor, ends every session and is in the change log", async () => {
    const { user } = await enrolledAdmin(["x"]);
    const session = await openSession(prisma, user.id);

    const run = cli("reset-2fa", "QuanTri");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Đã đặt lại xác thực hai bước của quantri");

    const after = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
    });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await sessionUser(prisma, { id: session, userId: user.id, sessionVersion: user.sessionVersion })).toBeNull();
    const audit = await prisma.auditEntry.findMany({
      where: { action: "user-reset-second-factor", entityId: user.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "cli", newValue: { username: "quantri", secondFactor: false } });
    // The password alone signs in again; the role then sends the admin to enrol anew.
    expect(await authenticate(prisma, { username: "quantri", password: PASSWORD, address: ADDRESS })).toMatchObject({
      ok: true,
    });
  });

  it("names an unknown account and changes nothing", async () => {
    const resets = () => prisma.auditEntry.count({ where: { action: "user-reset-second-factor" } });
    const before = await resets();
    const run = cli("reset-2fa", "khong.co.ai");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Không có tài khoản khong.co.ai.");
    expect(await resets()).toBe(before);
  });
});
