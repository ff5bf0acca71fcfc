import "server-only";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hashPassword, randomPassword } from "@/lib/auth/password";
import { groupSecret, newTotpSecret, secondFactorRequired } from "@/lib/auth/totp";
import { todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_NAMES } from "@/lib/i18n/role-names";
import { inForceWhere } from "@/lib/units/in-force";
import { fullName } from "@/lib/units/units-on";

type UnitPick = { id: number; code: string; type: string; name: string; validFrom: Date; validTo: Date | null };
/** `totpSecret`: the accounts whose role requires a second factor come enrolled with this secret. */
export type DemoAccount = { username: string; role: Role; unit: string; totpSecret?: string };

/**
 * One account for every role, on real units of the demo data: Hà Nội and one of its
 * communes today; a district of the old Hà Nội and one of its communes (districts ended on
 * 30/6/2025, so they report on the weeks before); and an officer of another province. All
 * share one password, printed at start and never shown in the interface. The admins (and any
 * role TOTP_REQUIRED_ROLES adds) come with a second factor whose secret is printed beside it,
 * to type into an authenticator app (or for tests to compute codes from).
 */
export async function createDemoAccounts(prisma: PrismaClient, password: string): Promise<DemoAccount[]> {
  const today = inForceWhere(todayInVietnam());
  const current = (code: string) =>
    prisma.unit.findFirst({ where: { code, ...today }, orderBy: { validFrom: "desc" } });
  const firstChild = (parentId: number) => prisma.unit.findFirst({ where: { parentId }, orderBy: { code: "asc" } });
  const hanoi = await current("01");
  const other =
    (await current("79")) ??
    (await prisma.unit.findFirst({ where: { level: "PROVINCE", ...today, code: { not: "01" } } }));
  const commune = hanoi ? await firstChild(hanoi.id) : null;
  const oldHanoi = await prisma.unit.findFirst({ where: { code: "01", validTo: { not: null } } });
  const oldDistrict = oldHanoi
    ? await prisma.unit.findFirst({ where: { parentId: oldHanoi.id, level: "DISTRICT" }, orderBy: { code: "asc" } })
    : null;
  const oldCommune = oldDistrict ? await firstChild(oldDistrict.id) : null;

  const plan: [string, string, Role, UnitPick | null][] = [
    ["quantri.bo", "Quản trị C06 (mẫu)", "MINISTRY_ADMIN", null],
    ["lanhdao.bo", "Lãnh đạo Bộ (mẫu)", "LEADERSHIP_VIEWER", null],
    ["lanhdao.hanoi", "Lãnh đạo Công an Hà Nội (mẫu)", "LEADERSHIP_VIEWER", hanoi],
    ["quantri.hanoi", "Quản trị PC06 Hà Nội (mẫu)", "PROVINCE_ADMIN", hanoi],
    ["canbo.hanoi", "Cán bộ PC06 Hà Nội (mẫu)", "PROVINCE_OFFICER", hanoi],
    ["canbo.xa", "Cán bộ Công an xã (mẫu)", "COMMUNE_OFFICER", commune],
    ["canbo.huyen", "Cán bộ Công an huyện (mẫu)", "DISTRICT_OFFICER", oldDistrict],
    ["canbo.xacu", "Cán bộ Công an xã trước 2025 (mẫu)", "COMMUNE_OFFICER", oldCommune],
    ["canbo.tinhkhac", "Cán bộ PC06 tỉnh khác (mẫu)", "PROVINCE_OFFICER", other],
  ];
  // One hash for all: they share the password, and hashing is deliberately slow.
  const passwordHash = await hashPassword(password);
  const accounts: DemoAccount[] = [];
  for (const [username, displayName, role, unit] of plan) {
    const national = role === "MINISTRY_ADMIN" || (role === "LEADERSHIP_VIEWER" && username === "lanhdao.bo");
    if (!unit && !national) continue; // provinces-only demo: no communes or districts to work for
    const totpSecret = secondFactorRequired(role) ? newTotpSecret() : undefined;
    await prisma.appUser.create({
      data: {
        username,
        displayName,
        role,
        unitId: unit?.id ?? null,
        passwordHash,
        ...(totpSecret ? { totpSecret, totpEnabledAt: new Date() } : {}),
      },
    });
    accounts.push({ username, role, unit: unit ? `${fullName(unit)} (${unit.code})` : "toàn quốc", totpSecret });
  }
  return accounts;
}

export function demoPassword(configured: string | undefined): string {
  return configured ?? randomPassword();
}

/** The accounts and their password, kept beside the database (owner-only) so every start can print them. */
export function saveDemoAccounts(file: string, password: string, accounts: DemoAccount[]): void {
  writeFileSync(file, JSON.stringify({ password, accounts }, null, 2), { mode: 0o600 });
}

export function printDemoAccounts(file: string): void {
  if (!existsSync(file)) return;
  const { password, accounts } = JSON.parse(readFileSync(file, "utf8")) as {
    password: string;
    accounts: DemoAccount[];
  };
  console.log(`▸ Tài khoản mẫu (mật khẩu chung: ${password}):`);
  for (const a of accounts) console.log(`    ${a.username.padEnd(16)} ${ROLE_NAMES[a.role].padEnd(28)} ${a.unit}`);
  const enrolled = accounts.filter((a) => a.totpSecret);
  if (enrolled.length === 0) return;
  console.log("▸ Khoá xác thực hai bước (TOTP) của tài khoản mẫu, nhập vào ứng dụng xác thực:");
  for (const a of enrolled) console.log(`    ${a.username.padEnd(16)} ${groupSecret(a.totpSecret ?? "")}`);
}
