import { beforeAll, describe, expect, it } from "vitest";
import { listManagedUsers, manageUser } from "@/lib/auth/manage-users";
import { verifyPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/auth/users";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { actorAt } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

// Small structure: 01 Alpha ⊃ 001 ⊃ {00001, 00002}; 02 Beta ⊃ 003 ⊃ 00004.
const prisma = connectTestDatabase();

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  const password = "mat-khau-thu-nghiem-2026";
  await createUser(prisma, {
    username: "xa.alpha",
    displayName: "A",
    password,
    role: "COMMUNE_OFFICER",
    unitCode: "00002",
  });
  await createUser(prisma, {
    username: "xa.beta",
    displayName: "B",
    password,
    role: "COMMUNE_OFFICER",
    unitCode: "00004",
  });
  await createUser(prisma, { username: "bo.quantri", displayName: "C", password, role: "MINISTRY_ADMIN" });
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
