import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { type AssignOutcome, assignTargets } from "@/lib/targets/assign-targets";
import { getTargetSheet } from "@/lib/targets/target-sheet";
import { actorAt, requestId, writeFingerprint } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";

// Fixture targets for CCCD_INTAKE: 01 Alpha 1000, its districts 001 → 600 and 002 → 400.
const prisma = connectTestDatabase();
let province: Actor;
let district: Actor;

beforeAll(async () => {
  await loadSmallWorld(prisma);
  province = await actorAt(prisma, "PROVINCE_OFFICER", "01");
  district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
});

const assign = (
  actor: Actor,
  unit: string,
  value: number,
  basedOn: { id: number; version: number } | null,
  id = requestId(),
) =>
  assignTargets(prisma, actor, {
    requestId: id,
    indicator: "CCCD_INTAKE",
    deadline: "2099-06-30",
    directive: "KH 7/CAT",
    entries: [{ unit, value, basedOn }],
  });

async function rowOf(actor: Actor, unit: string, code: string) {
  const sheet = await getTargetSheet(prisma, actor, { unit, indicator: "CCCD_INTAKE" });
  return { sheet, row: sheet.rows.find((r) => r.code === code) };
}

describe("targets cascade", () => {
  it("shows the parent's own target beside its children's sum, and the shortfall after a cut", async () => {
    const { sheet, row } = await rowOf(province, "01", "001");
    expect(sheet.unit?.target?.value).toBe(1000);
    expect(sheet.childrenTotal).toBe(1000);
    expect(sheet.shortfall).toBeNull();
    expect(sheet.canAssign).toBe(true);

    const outcome = await assign(province, "001", 500, { id: row?.target?.id as number, version: 1 });
    expect(outcome).toMatchObject({ status: "saved", created: 1 });
    const after = await getTargetSheet(prisma, province, { unit: "01", indicator: "CCCD_INTAKE" });
    expect(after.rows.find((r) => r.code === "001")?.target).toMatchObject({
      value: 500,
      directive: "KH 7/CAT",
      deadline: "2099-06-30",
    });
    expect(after.childrenTotal).toBe(900);
    expect(after.shortfall).toBe(100);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entity: "target" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actor: province.username, action: "create" });
    expect(audit.newValue).toMatchObject({ value: 500, directive: "KH 7/CAT" });
  });

  it("refuses a stale assignment with both values; 20 parallel first assignments leave one winner", async () => {
    const { row } = await rowOf(province, "01", "001");
    const current = row?.target as { id: number; version: number; value: number };
    expect((await assign(province, "001", 550, { id: current.id, version: current.version })).status).toBe("saved");
    const before = await writeFingerprint(prisma);
    const stale = (await assign(province, "001", 560, { id: current.id, version: current.version })) as Extract<
      AssignOutcome,
      { status: "conflict" }
    >;
    expect(stale.status).toBe("conflict");
    expect(stale.conflicts[0]).toMatchObject({ unit: "001", yours: 560, current: 550 });
    expect(await writeFingerprint(prisma)).toEqual(before);

    // Commune 00001 has no target yet: everyone starts from "none".
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => assign(district, "00001", 100 + i, null)));
    expect(outcomes.filter((o) => o.status === "saved")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "conflict")).toHaveLength(19);
    const unit = await prisma.unit.findFirstOrThrow({ where: { code: "00001" } });
    expect(await prisma.target.count({ where: { unitId: unit.id } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { entity: "target", unitId: unit.id } })).toBe(1);
  });

  it("a replayed request assigns once", async () => {
    const { row } = await rowOf(district, "001", "00002");
    const id = requestId();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        assign(district, "00002", 75, row?.target ? { id: row.target.id, version: row.target.version } : null, id),
      ),
    );
    expect(outcomes.every((o) => o.status === "saved")).toBe(true);
    expect(await prisma.auditEntry.count({ where: { requestId: id } })).toBe(1);
  });

  it("refuses the unit's own target, targets outside the scope, and a deadline already past", async () => {
    const before = await writeFingerprint(prisma);
    await expect(assign(district, "001", 10, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assign(district, "00003", 10, null)).rejects.toBeInstanceOf(ForbiddenError);
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    await expect(assign(commune, "00001", 10, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      assignTargets(prisma, province, {
        requestId: requestId(),
        indicator: "CCCD_INTAKE",
        deadline: "2020-01-01",
        directive: "x",
        entries: [{ unit: "001", value: 1, basedOn: null }],
      }),
    ).rejects.toBeInstanceOf(InvalidParamError);
    expect(await writeFingerprint(prisma)).toEqual(before);
    // Viewing another province's targets is refused too.
    await expect(getTargetSheet(prisma, district, { unit: "02" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
