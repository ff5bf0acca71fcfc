import { beforeAll, describe, expect, it } from "vitest";
import { changeReportStatus } from "@/lib/entry/report-status";
import { saveFigures } from "@/lib/entry/save-figures";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { checkFlag } from "@/lib/quality/check-flag";
import { listWeekFlags } from "@/lib/quality/week-flags";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const WEEK = "2026-11-22";

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
  // Ten weeks of about 50 a week, then an extra zero for commune 00001 in the last week.
  const lines = ["unit_code,indicator,as_of,value"];
  for (let i = 0; i < 10; i++) {
    const day = new Date(Date.UTC(2026, 8, 20 + 7 * i)).toISOString().slice(0, 10);
    lines.push(`00001,CCCD_INTAKE,${day},${i === 9 ? 10_450 * 10 : 10_000 + 50 * i}`);
    lines.push(`00002,CCCD_INTAKE,${day},${20_000 + 48 * i + (i % 2)}`);
  }
  await loadFigures(prisma, lines.join("\n"));
});

describe("the week's flags of the database", () => {
  it("lists the tenfold figure with its numbers to the district, not to a commune", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const week = await listWeekFlags(prisma, district, { week: WEEK });
    expect(week.flags.map((f) => `${f.kind}:${f.unit.code}:${f.indicator?.code}`)).toEqual([
      "outlier:00001:CCCD_INTAKE",
    ]);
    expect(week.flags[0]?.numbers).toMatchObject({ value: 104_500, previous: 10_400, increase: 94_100, usual: 50 });
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    await expect(listWeekFlags(prisma, commune, { week: WEEK })).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = await actorAt(prisma, "PROVINCE_OFFICER", "02");
    expect((await listWeekFlags(prisma, elsewhere, { week: WEEK })).total).toBe(0);
  });

  it("records a check with its note and an audit entry in the same transaction", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const key = "outlier:00001:CCCD_INTAKE";
    await expect(
      checkFlag(prisma, district, { week: WEEK, key, note: "ok", requestId: requestId() }),
    ).rejects.toBeInstanceOf(InvalidParamError);
    await expect(
      checkFlag(prisma, district, { week: WEEK, key, note: "x".repeat(501), requestId: requestId() }),
    ).rejects.toBeInstanceOf(InvalidParamError);
    const outsider = await actorAt(prisma, "DISTRICT_OFFICER", "002");
    await expect(
      checkFlag(prisma, outsider, { week: WEEK, key, note: "Đã gọi xã", requestId: requestId() }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.qualityCheck.count()).toBe(0);

    await checkFlag(prisma, district, { week: WEEK, key, note: "Đã gọi xã: gõ thừa số 0", requestId: requestId() });
    const check = await prisma.qualityCheck.findFirstOrThrow();
    expect(check).toMatchObject({ flagKey: key, note: "Đã gọi xã: gõ thừa số 0", checkedBy: district.username });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entity: "quality_check" } });
    expect(audit).toMatchObject({ action: "create", entityId: check.id, actor: district.username });
    expect(audit.newValue).toMatchObject({ flag: key, note: "Đã gọi xã: gõ thừa số 0" });
    const listed = await listWeekFlags(prisma, district, { week: WEEK });
    expect(listed.checked).toBe(1);
    expect(listed.flags[0]?.check?.note).toBe("Đã gọi xã: gõ thừa số 0");
  });

  it("refuses to check a flag that does not exist", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    await expect(
      checkFlag(prisma, district, {
        week: WEEK,
        key: "repeated:00002:CCCD_INTAKE",
        note: "Không có cảnh báo này",
        requestId: requestId(),
      }),
    ).rejects.toThrow(/không còn cảnh báo/);
  });
});

describe("a change after approval", () => {
  it("is flagged with who changed what after whose approval, from the audit log", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00002");
    const report = (action: string, actor = district) =>
      changeReportStatus(prisma, actor, {
        requestId: requestId(),
        week: WEEK,
        unit: "00002",
        action,
        reason: action === "unlock" ? "Xã báo nhầm, sửa lại" : undefined,
      });
    await report("submit", commune);
    await report("approve");
    expect((await listWeekFlags(prisma, district, { week: WEEK, kind: "changed-after-approval" })).flags).toEqual([]);
    await report("unlock");
    const figure = await prisma.figure.findFirstOrThrow({
      where: { unit: { code: "00002" }, asOf: new Date(`${WEEK}T00:00:00Z`) },
    });
    await saveFigures(prisma, commune, {
      requestId: requestId(),
      week: WEEK,
      entries: [{ unit: "00002", indicator: "CCCD_INTAKE", value: figure.value + 7, version: figure.version }],
    });
    const [flag] = (await listWeekFlags(prisma, district, { week: WEEK, kind: "changed-after-approval" })).flags;
    expect(flag).toMatchObject({
      severity: 3,
      unit: { code: "00002" },
      indicator: { code: "CCCD_INTAKE" },
      numbers: { from: figure.value, to: figure.value + 7, by: commune.username, approvedBy: district.username },
    });
  });
});
