import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { changeReportStatus } from "@/lib/entry/report-status";
import { saveFigures } from "@/lib/entry/save-figures";
import { ForbiddenError } from "@/lib/errors";
import { todayInVietnam } from "@/lib/format/dates";
import type { Role } from "@/lib/generated/prisma/enums";
import { assignTargets } from "@/lib/targets/assign-targets";
import { targetsInForce } from "@/lib/targets/target-sheet";
import { actorAt, requestId, writeFingerprint } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";

// Every role × every write action × the unit's relation to the user, at the service level.
// Structure (see fixtures): 01 Alpha ⊃ 001 ⊃ {00001, 00002}, 002 ⊃ 00003; 02 Beta ⊃ 003 ⊃ 00004;
// 03 Gamma ⊃ 004 ⊃ 00005. Expectations are written out by hand, not derived from the code.
const prisma = connectTestDatabase();
const WEEK = "2023-04-30";

type Relation = "own" | "child" | "grandchild" | "parent" | "sibling" | "unrelated";
type Action = "save" | "submit" | "approve" | "unlock" | "assign";

const HOME: Record<Role, string | null> = {
  COMMUNE_OFFICER: "00001",
  DISTRICT_OFFICER: "001",
  PROVINCE_OFFICER: "01",
  PROVINCE_ADMIN: "01",
  MINISTRY_ADMIN: null,
  LEADERSHIP_VIEWER: "01",
};

const UNIT_FOR: Record<string, Partial<Record<Relation, string>>> = {
  "00001": { own: "00001", parent: "001", sibling: "00002", unrelated: "00004" },
  "001": { own: "001", child: "00001", parent: "01", sibling: "002", unrelated: "003" },
  "01": { own: "01", child: "001", grandchild: "00001", sibling: "02", unrelated: "03" },
  national: { child: "01", grandchild: "001", unrelated: "00005" },
};

/** Every action of `actions` on every relation of `relations`, as "action:relation". */
const grants = (actions: Action[], relations: Relation[]) => actions.flatMap((a) => relations.map((r) => `${a}:${r}`));

// Province officers and admins write the same; admins differ only in managing accounts.
const PROVINCE_LEVEL = [
  ...grants(["save", "submit"], ["own", "child", "grandchild"]),
  ...grants(["approve", "unlock", "assign"], ["child", "grandchild"]),
];

// Which (action, relation) each role may do. Everything not listed is refused.
const ALLOWED: Record<Role, string[]> = {
  COMMUNE_OFFICER: ["save:own", "submit:own"],
  DISTRICT_OFFICER: [
    ...grants(["save", "submit"], ["own", "child"]),
    ...grants(["approve", "unlock", "assign"], ["child"]),
  ],
  PROVINCE_OFFICER: PROVINCE_LEVEL,
  PROVINCE_ADMIN: PROVINCE_LEVEL,
  MINISTRY_ADMIN: grants(["save", "submit", "approve", "unlock", "assign"], ["child", "grandchild", "unrelated"]),
  LEADERSHIP_VIEWER: [],
};

beforeAll(async () => {
  await loadSmallWorld(prisma);
});

/** Puts the unit's report (and its surroundings) in the state the action needs to succeed. */
async function prepare(action: Action, code: string) {
  const unit = await prisma.unit.findFirstOrThrow({ where: { code } });
  const week = new Date(`${WEEK}T00:00:00Z`);
  await prisma.$executeRawUnsafe(`DELETE FROM weekly_report`);
  const set = (unitId: number, status: "SUBMITTED" | "APPROVED") =>
    prisma.weeklyReport.create({ data: { unitId, week, status, submittedBy: "setup", submittedAt: new Date() } });
  if (action === "approve") {
    await set(unit.id, "SUBMITTED");
    for (const child of await prisma.unit.findMany({ where: { parentId: unit.id } })) await set(child.id, "APPROVED");
  }
  if (action === "unlock") await set(unit.id, "APPROVED");
  return unit;
}

async function attempt(actor: Actor, action: Action, code: string) {
  if (action === "save") {
    const unit = await prisma.unit.findFirstOrThrow({ where: { code } });
    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: "CCCD_ISSUED" } });
    const figure = await prisma.figure.findFirst({
      where: { unitId: unit.id, indicatorId: indicator.id, asOf: new Date(`${WEEK}T00:00:00Z`) },
    });
    return saveFigures(prisma, actor, {
      requestId: requestId(),
      week: WEEK,
      entries: [
        { unit: code, indicator: "CCCD_ISSUED", value: (figure?.value ?? 0) + 7, version: figure?.version ?? 0 },
      ],
    });
  }
  if (action === "assign") {
    const unit = await prisma.unit.findFirstOrThrow({ where: { code } });
    const indicator = await prisma.indicator.findUniqueOrThrow({ where: { code: "CCCD_INTAKE" } });
    const current = (await targetsInForce(prisma, [unit.id], indicator.id, todayInVietnam())).get(unit.id);
    return assignTargets(prisma, actor, {
      requestId: requestId(),
      indicator: "CCCD_INTAKE",
      deadline: "2099-12-31",
      directive: "Điện thử nghiệm",
      entries: [
        {
          unit: code,
          value: (current?.value ?? 0) + 11,
          basedOn: current ? { id: current.id, version: current.version } : null,
        },
      ],
    });
  }
  const reason = action === "unlock" ? { reason: "Sửa số liệu nhập nhầm" } : {};
  return changeReportStatus(prisma, actor, { requestId: requestId(), week: WEEK, unit: code, action, ...reason });
}

const cases: { role: Role; action: Action; relation: Relation; code: string; allowed: boolean }[] = [];
for (const role of Object.keys(HOME) as Role[]) {
  const units = UNIT_FOR[HOME[role] ?? "national"] as Partial<Record<Relation, string>>;
  for (const action of ["save", "submit", "approve", "unlock", "assign"] as Action[]) {
    for (const [relation, code] of Object.entries(units) as [Relation, string][]) {
      cases.push({ role, action, relation, code, allowed: ALLOWED[role].includes(`${action}:${relation}`) });
    }
  }
}

describe("authorization matrix (service level)", () => {
  it.each(cases)("$role $action $relation ($code): allowed=$allowed", async ({ role, action, code, allowed }) => {
    const actor = await actorAt(prisma, role, HOME[role]);
    await prepare(action, code);
    const before = await writeFingerprint(prisma);
    if (allowed) {
      const outcome = await attempt(actor, action, code);
      expect(outcome.status).not.toBe("conflict");
      expect(await writeFingerprint(prisma)).not.toEqual(before);
    } else {
      const log = vi.spyOn(console, "warn").mockImplementation(() => {});
      await expect(attempt(actor, action, code)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await writeFingerprint(prisma)).toEqual(before);
      // The denial is logged with who tried what.
      expect(log.mock.calls.some(([line]) => String(line).includes('"event":"access.denied"'))).toBe(true);
      log.mockRestore();
    }
  });

  it("covers every role, action and relation that exists in the structure", () => {
    // commune 4 relations, district 5, province ×3 roles 5, ministry 3; × 5 actions
    expect(cases.length).toBe((4 + 5 + 5 + 5 + 5 + 3) * 5);
    expect(cases.filter((c) => c.allowed).length).toBe(2 + 7 + 12 + 12 + 15);
  });
});
