import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { ACCOUNT_FAILURES_ALLOWED, ADDRESS_FAILURES_ALLOWED } from "@/lib/auth/login-limits";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createUser, setUserDisabled } from "@/lib/auth/users";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const PASSWORD = "mật khẩu đủ dài 123";

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  vi.spyOn(console, "info").mockImplementation(() => {});
});

beforeEach(async () => {
  await prisma.loginAttempt.deleteMany();
  await prisma.appUser.deleteMany();
});

/** The account "tinh", a province officer of 01 with PASSWORD. */
const createProvinceOfficer = () =>
  createUser(prisma, {
    username: "tinh",
    displayName: "Tỉnh",
    password: PASSWORD,
    role: "PROVINCE_OFFICER",
    unitCode: "01",
    unitOn: new Date("2024-01-01"),
  });

const login = (username: string, password: string, address = "10.0.0.1") =>
  authenticate(prisma, { username, password, address });

describe("passwords", () => {
  it("are stored as salted scrypt hashes and verified in constant form", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toBe(await hashPassword(PASSWORD));
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, hash)).toBe(false);
  });
});

describe("sign-in", () => {
  it("accepts the right password (any case of the name) and records the attempt", async () => {
    await createUser(prisma, {
      username: "CanBo.Xa",
      displayName: "Cán bộ",
      password: PASSWORD,
      role: "COMMUNE_OFFICER",
      unitCode: "00001",
      unitOn: new Date("2024-01-01"),
    });
    const result = await login("canbo.xa", PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { username: "canbo.xa" } });
    expect(await prisma.loginAttempt.count({ where: { success: true } })).toBe(1);
  });

  it("limits an account after 5 wrong passwords, even for the right one, with a clear message", async () => {
    await createProvinceOfficer();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await login("tinh", "sai mật khẩu", `10.0.0.${i}`));
    expect(results.slice(0, 4).map((r) => !r.ok && r.reason)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    expect(results[4]).toMatchObject({
      ok: false,
      reason: "limited",
      message: expect.stringMatching(/tạm khoá.*5 lần.*15 phút/),
    });
    // The limit is in the database: a fresh check (as after a restart) still refuses, right password or not.
    expect(await login("tinh", PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "limited" });
    // An hour later (attempts moved back in time), it lifts.
    await prisma.$executeRawUnsafe(`UPDATE login_attempt SET at = at - interval '1 hour'`);
    expect(await login("tinh", PASSWORD)).toMatchObject({ ok: true });
  });

  it("limits an address that tries many accounts", async () => {
    for (let i = 0; i < ADDRESS_FAILURES_ALLOWED; i++) await login(`khong-co-${i}`, "x", "192.0.2.7");
    expect(await login("ai-do", "x", "192.0.2.7")).toMatchObject({
      ok: false,
      reason: "limited",
      message: expect.stringMatching(/địa chỉ này/),
    });
    expect(await login("ai-do", "x", "192.0.2.8")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("holds the account limit against a parallel burst: no more than 5 wrong passwords are ever checked", async () => {
    await createProvinceOfficer();
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login("tinh", `sai mật khẩu ${i}`, `10.1.0.${i % 4}`)),
    );
    expect(burst.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(ACCOUNT_FAILURES_ALLOWED);
    expect(await prisma.loginAttempt.count({ where: { username: "tinh" } })).toBe(ACCOUNT_FAILURES_ALLOWED);
    expect(await login("tinh", PASSWORD)).toMatchObject({ ok: false, reason: "limited" });
  });

  it("refuses a disabled account like a wrong password, and disabling ends its sessions", async () => {
    const user = await createUser(prisma, {
      username: "quantri.bo",
      displayName: "Bộ",
      password: PASSWORD,
      role: "MINISTRY_ADMIN",
    });
    await setUserDisabled(prisma, user.id, true);
    expect(await login("quantri.bo", PASSWORD)).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "Sai tên đăng nhập hoặc mật khẩu.",
    });
    const after = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("explains what to fix when an account cannot be created", async () => {
    await expect(
      createUser(prisma, { username: "x", displayName: "X", password: PASSWORD, role: "COMMUNE_OFFICER" }),
    ).rejects.toThrow(/Tên đăng nhập gồm 3–64 ký tự/);
    await expect(
      createUser(prisma, { username: "xa1", displayName: "X", password: "ngắn", role: "COMMUNE_OFFICER" }),
    ).rejects.toThrow(/ít nhất 10 ký tự/);
    await expect(
      createUser(prisma, { username: "xa1", displayName: "X", password: PASSWORD, role: "COMMUNE_OFFICER" }),
    ).rejects.toThrow(/cần đơn vị/);
    await expect(
      createUser(prisma, { username: "xa1", displayName: "X", password: PASSWORD, role: "BOSS" as never }),
    ).rejects.toThrow(/Vai trò phải là/);
  });
});
