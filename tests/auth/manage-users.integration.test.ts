import { beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { listManagedUsers, manageUser } from "@/lib/auth/manage-users";
import { verifyPassword } from "@/lib/auth/password";
import { openSession, revokeSession, sessionUser } from "@/lib/auth/sessions";
import { createUser, toActor } from "@/lib/auth/users";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { actorAt } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

// Small structure: 01 Alpha ⊃ 001 ⊃ {00001, 00002}; 02 Beta ⊃ 003 ⊃ 00004.
const prisma = connectTestDatabase();
const PASSWORD = "mat-khau-thu-nghiem-2026";

/** An account with the tests' password, at a unit (none for the ministry). */
const account = (username: string, role: Role, unitCode?: string) =>
  createUser(prisma, { username, displayName: username, password: PASSWORD, role, ...(unitCode ? { unitCode } : {}) });

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  await account("xa.alpha", "COMMUNE_OFFICER", "00002");
  await account("xa.beta", "COMMUNE_OFFICER", "00004");
  await account("bo.quantri", "MINISTRY_ADMIN");
});

describe("account management", () => {
  it("a province admin sees and creates accounts only within the province, with a one-time password", async () => {
    const admin = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    expect((await listManagedUsers(prisma, admin)).map((u) => u.username)).toEqual(["xa.alpha"]);

    const created = await manageUser(prisma, admin, {
      action: "create",
      username: "Xa.Moi",
      displayName: "Nguyễn Văn Mới",
      role: "COMMUNE_OFFICER",
      unit: "00001",
    });
    expect(created.username).toBe("xa.moi");
    const stored = await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.moi" } });
    expect(await verifyPassword(created.password as string, stored.passwordHash)).toBe(true);

    const attempt = (body: Record<string, string>) =>
      manageUser(prisma, admin, { action: "create", displayName: "X", ...body });
    await expect(attempt({ username: "xa.ngoai", role: "COMMUNE_OFFICER", unit: "00004" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(attempt({ username: "sai.cap", role: "COMMUNE_OFFICER", unit: "001" })).rejects.toThrow(/cấp xã/);
    await expect(attempt({ username: "xa.moi", role: "COMMUNE_OFFICER", unit: "00002" })).rejects.toThrow(/đã có/);
    await expect(attempt({ username: "bo.moi", role: "MINISTRY_ADMIN", unit: "01" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await prisma.appUser.count()).toBe(4);
  });

  it("locking ends the sessions; accounts outside the scope cannot be touched", async () => {
    const admin = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    const before = await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.alpha" } });
    await manageUser(prisma, admin, { action: "disable", username: "xa.alpha" });
    const after = await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.alpha" } });
    expect(after).toMatchObject({ disabled: true, sessionVersion: before.sessionVersion + 1 });
    const reset = await manageUser(prisma, admin, { action: "reset-password", username: "xa.alpha" });
    expect(reset.password).toMatch(/.{12,}/);

    await expect(manageUser(prisma, admin, { action: "disable", username: "xa.beta" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      manageUser(prisma, admin, { action: "reset-password", username: "bo.quantri" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(manageUser(prisma, admin, { action: "rename", username: "bo.quantri" })).rejects.toBeInstanceOf(
      InvalidParamError,
    );
    expect((await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.beta" } })).disabled).toBe(false);
  });

  it("an admin sets the address reminders go to, within the scope", async () => {
    const admin = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    await manageUser(prisma, admin, {
      action: "create",
      username: "xa.thu",
      displayName: "Lê Thị Thư",
      role: "COMMUNE_OFFICER",
      unit: "00001",
      email: " Thu.Le@CongAn.gov.vn ",
    });
    const email = async (username: string) => (await prisma.appUser.findUniqueOrThrow({ where: { username } })).email;
    expect(await email("xa.thu")).toBe("thu.le@congan.gov.vn");
    await expect(
      manageUser(prisma, admin, { action: "set-email", username: "xa.thu", email: "khong-phai-email" }),
    ).rejects.toThrow(/e-mail không hợp lệ/);
    await manageUser(prisma, admin, { action: "set-email", username: "xa.thu", email: "" });
    expect(await email("xa.thu")).toBeNull();
    expect((await listManagedUsers(prisma, admin)).find((u) => u.username === "xa.thu")?.email).toBeNull();
    await expect(
      manageUser(prisma, admin, { action: "set-email", username: "xa.beta", email: "a@b.vn" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await prisma.appUser.delete({ where: { username: "xa.thu" } });
  });

  it("a display name is one trimmed line without markup, and an address is one plain mailbox", async () => {
    const admin = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    const create = (displayName: string, email?: string) =>
      manageUser(prisma, admin, {
        action: "create",
        username: "xa.ten",
        displayName,
        role: "COMMUNE_OFFICER",
        unit: "00001",
        ...(email === undefined ? {} : { email }),
      });
    for (const name of [
      "Nguyễn Văn A\r\nBcc: ke-gian@evil.example",
      "Nguyễn Văn A\nKính gửi quý vị,",
      "Nguyễn\tVăn A",
      "Nguyễn Văn A\u2028dòng mới",
      "Nguyễn \u202eA nêV",
      "<b>Nguyễn Văn A</b>",
      "   ",
      "x".repeat(101),
    ]) {
      const error = await create(name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(name)).toBeInstanceOf(InvalidParamError);
      expect((error as Error).message).toMatch(/họ tên hiển thị/i);
    }
    // The CLI's path checks the same.
    await expect(
      createUser(prisma, {
        username: "xa.ten",
        displayName: "A\r\nB",
        password: PASSWORD,
        role: "COMMUNE_OFFICER",
        unitCode: "00001",
      }),
    ).rejects.toThrow(/ký tự điều khiển/);

    for (const email of [
      "postmaster,x@congan.gov.vn",
      "x@evil.example,",
      "x@[127.0.0.1].vn",
      "x@[127.0.0.1]",
      '"x y"@congan.gov.vn',
      "x y@congan.gov.vn",
      "Tên <x@congan.gov.vn>",
      "x@congan.gov.vn, y@congan.gov.vn",
      "x@congan.gov.vn;y@congan.gov.vn",
      "x@localhost",
      "x@-congan.vn",
      "x@congan..vn",
      "x@congan.vn.",
      ".x@congan.vn",
      "x..y@congan.vn",
      "x@congan.v1",
      "x@@congan.vn",
      "x@công-an.vn",
      "x@congan.vn\r\nBcc: y@evil.example",
    ]) {
      const error = await manageUser(prisma, admin, { action: "set-email", username: "xa.alpha", email }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, email).toBeInstanceOf(InvalidParamError);
      expect((error as Error).message).toMatch(/e-mail không hợp lệ: một địa chỉ duy nhất/);
      await expect(create("Nguyễn Văn A", email), email).rejects.toThrow(/e-mail không hợp lệ/);
    }
    expect(await prisma.appUser.count({ where: { username: "xa.ten" } })).toBe(0);
    expect((await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.alpha" } })).email).toBeNull();

    await create("  Nguyễn   Văn  A  ", " Thu.Le+Nhac@CongAn.gov.vn ");
    const stored = await prisma.appUser.findUniqueOrThrow({ where: { username: "xa.ten" } });
    expect(stored).toMatchObject({ displayName: "Nguyễn Văn A", email: "thu.le+nhac@congan.gov.vn" });
    await manageUser(prisma, admin, { action: "set-email", username: "xa.ten", email: "x_1%2@xn--cng-an-9ua.vn" });
    await prisma.appUser.delete({ where: { username: "xa.ten" } });
  });

  it("officers do not manage accounts; the ministry sees every account", async () => {
    const officer = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    await expect(listManagedUsers(prisma, officer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(manageUser(prisma, officer, { action: "disable", username: "xa.alpha" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    expect((await listManagedUsers(prisma, ministry)).map((u) => u.username).sort()).toEqual([
      "bo.quantri",
      "xa.alpha",
      "xa.beta",
      "xa.moi",
    ]);
  });
});

describe("roles, given passwords and sessions", () => {
  it("an admin creates, locks and resets only roles below their own", async () => {
    await account("tinh.qt2", "PROVINCE_ADMIN", "01");
    const admin = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    const create = (role: string) =>
      manageUser(prisma, admin, {
        action: "create",
        username: `moi.${role.toLowerCase()}`,
        displayName: "X",
        role,
        unit: "01",
      });
    await expect(create("PROVINCE_ADMIN")).rejects.toThrow(/chỉ quản lý các vai trò cấp dưới/);
    for (const action of ["reset-password", "disable"]) {
      await expect(manageUser(prisma, admin, { action, username: "tinh.qt2" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const peer = await prisma.appUser.findUniqueOrThrow({ where: { username: "tinh.qt2" } });
    expect(await verifyPassword(PASSWORD, peer.passwordHash)).toBe(true);
    expect(peer.disabled).toBe(false);

    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const reset = await manageUser(prisma, ministry, { action: "reset-password", username: "tinh.qt2" });
    expect(reset.password).toBeTruthy();
    await expect(manageUser(prisma, ministry, { action: "reset-password", username: "bo.quantri" })).rejects.toThrow(
      /chỉ được quản lý bằng dòng lệnh/,
    );
    const officer = await create("PROVINCE_OFFICER");
    expect(officer.password).toBeTruthy();
    // Both were given a password by someone else: they must replace it at the first sign-in.
    for (const username of ["tinh.qt2", "moi.province_officer"]) {
      expect((await prisma.appUser.findUniqueOrThrow({ where: { username } })).mustChangePassword).toBe(true);
    }
  });

  it("signing out revokes the session; changing one's own password ends the other sessions", async () => {
    const user = await createUser(prisma, {
      username: "tu.doi",
      displayName: "Tự đổi",
      password: "mat-khau-duoc-cap-2026",
      role: "PROVINCE_OFFICER",
      unitCode: "01",
      mustChangePassword: true,
    });
    const live = (id: string) => sessionUser(prisma, { id, userId: user.id, sessionVersion: user.sessionVersion });
    const here = await openSession(prisma, user.id);
    const elsewhere = await openSession(prisma, user.id);
    const signedOut = await openSession(prisma, user.id);
    await revokeSession(prisma, signedOut);
    expect(await live(signedOut)).toBeNull();
    expect(await live(here)).toMatchObject({ username: "tu.doi", mustChangePassword: true });

    const actor = toActor(user);
    const change = (input: { current: string; next: string; confirm?: string }) =>
      changeOwnPassword(prisma, actor, { confirm: input.next, ...input, address: "10.2.0.1", keepSessionId: here });
    await expect(change({ current: "sai-mat-khau-2026", next: "mat-khau-cua-toi-2026" })).rejects.toThrow(
      /Mật khẩu đang dùng không đúng/,
    );
    await expect(change({ current: "mat-khau-duoc-cap-2026", next: "ngan" })).rejects.toThrow(/ít nhất 10 ký tự/);
    await expect(
      change({ current: "mat-khau-duoc-cap-2026", next: "mat-khau-cua-toi-2026", confirm: "khac-hoan-toan-2026" }),
    ).rejects.toThrow(/không giống nhau/);
    await change({ current: "mat-khau-duoc-cap-2026", next: "mat-khau-cua-toi-2026" });

    const after = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword("mat-khau-cua-toi-2026", after.passwordHash)).toBe(true);
    expect(await live(here)).not.toBeNull();
    expect(await live(elsewhere)).toBeNull();
  });
  it("a new password is not blank, has 10 characters once trimmed, and is neither the current nor the previous one", async () => {
    const create = (password: string) =>
      createUser(prisma, {
        username: "doi.lai",
        displayName: "Đổi lại",
        password,
        role: "PROVINCE_OFFICER",
        unitCode: "01",
      });
    await expect(create(" ".repeat(10))).rejects.toThrow(/không được để trống hoặc chỉ gồm khoảng trắng/);
    await expect(create("\t \n".repeat(5))).rejects.toThrow(/chỉ gồm khoảng trắng/);
    await expect(create("   ngan-qua   ")).rejects.toThrow(/ít nhất 10 ký tự, không tính khoảng trắng/);
    const user = await create("mat-khau-thu-nhat-A");
    const here = await openSession(prisma, user.id);
    const actor = toActor(user);
    const change = (current: string, next: string) =>
      changeOwnPassword(prisma, actor, { current, next, confirm: next, address: "10.2.0.9", keepSessionId: here });
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => error,
      );

    const blank = await refusal(change("mat-khau-thu-nhat-A", " ".repeat(12)));
    expect(blank).toBeInstanceOf(InvalidParamError);
    expect(blank).toMatchObject({ param: "next" });
    await expect(change("mat-khau-thu-nhat-A", "   abc  abc   ")).rejects.toThrow(/ít nhất 10 ký tự/);
    // The current one in another Unicode form (decomposed) is still the current one.
    await expect(change("mat-khau-thu-nhat-A", "mat-khau-thu-nhat-A".normalize("NFD"))).rejects.toThrow(
      /khác mật khẩu đang dùng/,
    );
    await change("mat-khau-thu-nhat-A", "mat-khau-thu-hai-B");
    // A → B → A: back to the previous password is refused, with nothing changed.
    const back = await refusal(change("mat-khau-thu-hai-B", "mat-khau-thu-nhat-A"));
    expect(back).toBeInstanceOf(InvalidParamError);
    expect(back).toMatchObject({ param: "next", message: expect.stringMatching(/khác mật khẩu dùng trước đó/) });
    const stored = await prisma.appUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("mat-khau-thu-hai-B", stored.passwordHash)).toBe(true);
    await change("mat-khau-thu-hai-B", "mat-khau-thu-ba-C");
    await change("mat-khau-thu-ba-C", "mat-khau-thu-nhat-A"); // two back is allowed

    // After a reset the user's own password is the previous one: they cannot go back to it.
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const given = (await manageUser(prisma, ministry, { action: "reset-password", username: "doi.lai" }))
      .password as string;
    await expect(change(given, "mat-khau-thu-nhat-A")).rejects.toThrow(/khác mật khẩu dùng trước đó/);
    await change(given, "mat-khau-thu-tu-D");
  });
});
