import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/list-audit";
import { manageUser } from "@/lib/auth/manage-users";
import { InvalidParamError } from "@/lib/errors";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadFigures, loadSmallStructure } from "../setup/fixtures";

// Small structure: 01 Alpha ⊃ 001 ⊃ {00001, 00002}; 02 Beta ⊃ 003 ⊃ 00004.
const prisma = connectTestDatabase();

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  // 120 figures from a file: 60 weeks × 2 communes (imports, source "import:…").
  const lines = ["unit_code,indicator,as_of,value"];
  for (let w = 0; w < 60; w++) {
    const asOf = new Date(Date.UTC(2023, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    lines.push(`00001,CCCD_INTAKE,${asOf},${10 + w}`, `00004,CCCD_INTAKE,${asOf},${20 + w}`);
  }
  await loadFigures(prisma, lines.join("\n"));
});

describe("the change log", () => {
  it("records admin actions in their transaction and tells them from imports and hand edits", async () => {
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const province = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    await defineIndicator(prisma, ministry, { code: "T_NK", nameVi: "Chỉ tiêu nhật ký", kind: "COUNT" });
    await manageUser(prisma, province, {
      requestId: requestId(),
      action: "create",
      username: "xa.nhatky",
      displayName: "Cán bộ nhật ký",
      role: "COMMUNE_OFFICER",
      unit: "00002",
    });
    // Without a request id too (the CLI's path): the account and its entry commit together.
    await manageUser(prisma, province, { action: "reset-password", username: "xa.nhatky" });
    await manageUser(prisma, province, { action: "disable", username: "xa.nhatky" });

    const admin = await listAudit(prisma, ministry, { kind: "admin" });
    expect(admin.total).toBe(4);
    expect(admin.rows.map((r) => `${r.entity}:${r.action}`)).toEqual([
      "user:user-disable",
      "user:user-reset-password",
      "user:user-create",
      "indicator:create",
    ]);
    expect(admin.rows.every((r) => r.kind === "admin")).toBe(true);
    // Never a password in the log.
    expect(JSON.stringify(admin.rows)).not.toMatch(/scrypt|"password(Hash)?":/);
    expect(admin.rows[2]).toMatchObject({
      actor: province.username,
      unitCode: "00002",
      newValue: { role: "COMMUNE_OFFICER" },
    });

    // A province admin sees its own accounts' changes, not the national indicator's.
    const own = await listAudit(prisma, province, { kind: "admin" });
    expect(own.rows.map((r) => r.entity)).toEqual(["user", "user", "user"]);

    const imported = await listAudit(prisma, ministry, { kind: "import" });
    expect(imported.total).toBe(120);
    expect(imported.rows[0]?.kind).toBe("import");
    expect((await listAudit(prisma, ministry, { kind: "entry" })).total).toBe(0);
  });

  it("pages 50 at a time with the total, and refuses a page or kind out of range", async () => {
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const first = await listAudit(prisma, ministry, { kind: "import" });
    expect(first).toMatchObject({ page: 1, pageSize: AUDIT_PAGE_SIZE, total: 120, totalCapped: false });
    expect(first.rows).toHaveLength(50);
    const third = await listAudit(prisma, ministry, { kind: "import", page: "3" });
    expect(third.rows).toHaveLength(20);
    // Pages do not overlap and together hold every entry once, newest first.
    const second = await listAudit(prisma, ministry, { kind: "import", page: "2" });
    const ids = [...first.rows, ...second.rows, ...third.rows].map((r) => BigInt(r.id));
    expect(new Set(ids).size).toBe(120);
    const at = [...first.rows, ...second.rows, ...third.rows].map((r) => r.at);
    expect([...at].sort().reverse()).toEqual(at);
    // Filters combine: one commune's imports.
    expect((await listAudit(prisma, ministry, { kind: "import", unit: "00004" })).total).toBe(60);
    for (const page of ["0", "-1", "abc", "201", "1.5"])
      await expect(listAudit(prisma, ministry, { page }), page).rejects.toThrow(InvalidParamError);
    await expect(listAudit(prisma, ministry, { kind: "hack" })).rejects.toThrow(InvalidParamError);
  });
});
