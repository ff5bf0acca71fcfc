import { beforeAll, describe, expect, it } from "vitest";
import { getEntrySheet } from "@/lib/entry/get-entry-sheet";
import { saveFigures } from "@/lib/entry/save-figures";
import { InvalidParamError } from "@/lib/errors";
import { addDays, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import { editIndicator, restoreIndicator, retireIndicator } from "@/lib/indicator-definitions/change-indicator";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { indicatorsEnteredIn, listIndicators, pickIndicator } from "@/lib/indicators/indicators";
import { getRanking } from "@/lib/rankings/get-ranking";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadFigures, loadSmallStructure } from "../setup/fixtures";

// Small structure: 01 Alpha ⊃ 001 ⊃ {00001, 00002}; 02 Beta ⊃ 003 ⊃ 00004.
const prisma = connectTestDatabase();
const thisWeek = sundayOnOrBefore(todayInVietnam());

const auditOf = (code: string) =>
  prisma.$queryRaw<{ action: string; old_value: Record<string, unknown> | null; new_value: Record<string, unknown> }[]>`
    SELECT a.action, a.old_value, a.new_value FROM audit_entry a JOIN indicator i ON i.id = a.indicator_id
    WHERE a.entity = 'indicator' AND i.code = ${code} ORDER BY a.id`;

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
});

describe("an indicator's edits and history", () => {
  it("keeps code and kind, audits each edit with before → after, and rescores a scorecard", async () => {
    const admin = await actorAt(prisma, "MINISTRY_ADMIN", null);
    await defineIndicator(prisma, admin, {
      code: "T_SO",
      nameVi: "Số thử",
      kind: "COUNT",
      enteredFrom: isoDate(thisWeek),
    });
    await defineIndicator(prisma, admin, {
      code: "T_DIEM",
      nameVi: "Điểm thử",
      kind: "COMPOSITE",
      components: [
        { code: "CCCD_INTAKE", weight: 60 },
        { code: "CCCD_ISSUED", weight: 40 },
      ],
    });
    const edited = await editIndicator(
      prisma,
      admin,
      {
        code: "T_DIEM",
        nameVi: "Điểm thử (sửa)",
        components: [
          { code: "CCCD_INTAKE", weight: "50" },
          { code: "T_SO", weight: "50" },
        ],
        bands: ["70", "85"],
      },
      requestId(),
    );
    expect(edited.changed.sort()).toEqual(["bands", "components", "nameEn", "nameVi"]);
    const history = await auditOf("T_DIEM");
    expect(history.map((h) => h.action)).toEqual(["create", "edit"]);
    expect(history[1]?.old_value).toEqual({
      code: "T_DIEM",
      nameVi: "Điểm thử",
      nameEn: "Điểm thử",
      components: ["CCCD_INTAKE:60", "CCCD_ISSUED:40"],
      bands: [80, 90],
    });
    expect(history[1]?.new_value).toEqual({
      code: "T_DIEM",
      nameVi: "Điểm thử (sửa)",
      nameEn: "Điểm thử (sửa)",
      components: ["CCCD_INTAKE:50", "T_SO:50"],
      bands: [70, 85],
    });
    // Saving the same again changes nothing and writes no audit entry.
    const again = await editIndicator(prisma, admin, {
      code: "T_DIEM",
      nameVi: "Điểm thử (sửa)",
      nameEn: "Điểm thử (sửa)",
      bands: [70, 85],
    });
    expect(again.changed).toEqual([]);
    expect(await auditOf("T_DIEM")).toHaveLength(2);
    // Kind-specific parts are refused on the wrong kind; officers may not edit.
    await expect(editIndicator(prisma, admin, { code: "T_SO", nameVi: "Số thử", bands: [80] })).rejects.toThrow(
      InvalidParamError,
    );
    // An indicator entered from the start (null) keeps that through an edit of its name.
    await defineIndicator(prisma, admin, { code: "T_TU_DAU", nameVi: "Từ đầu", kind: "RATIO", enteredFrom: null });
    await editIndicator(prisma, admin, { code: "T_TU_DAU", nameVi: "Từ đầu (sửa)" });
    const row = await prisma.indicator.findUniqueOrThrow({ where: { code: "T_TU_DAU" } });
    expect([row.nameVi, row.enteredFrom]).toEqual(["Từ đầu (sửa)", null]);
    expect((await indicatorsEnteredIn(prisma, day("2023-01-01"))).map((i) => i.code)).toContain("T_TU_DAU");
    const officer = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    await expect(editIndicator(prisma, officer, { code: "T_SO", nameVi: "Số thử khác" })).rejects.toThrow(/C06/);
  });
});

describe("a new indicator's first week and retirement", () => {
  it("is entered from its week, leaves forms and lists when retired, and its ranking still opens", async () => {
    const admin = await actorAt(prisma, "MINISTRY_ADMIN", null);
    // By default from the next reporting week: this week's form does not change.
    await defineIndicator(prisma, admin, { code: "T_MOI", nameVi: "Chỉ tiêu mới", kind: "COUNT" });
    const codesIn = async (week: Date) => (await indicatorsEnteredIn(prisma, week)).map((i) => i.code);
    expect(await codesIn(thisWeek)).not.toContain("T_MOI");
    expect(await codesIn(addDays(thisWeek, 7))).toContain("T_MOI");
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    const sheet = await getEntrySheet(prisma, commune, { unit: "00001", week: isoDate(thisWeek) });
    expect(sheet.indicators.map((c) => c.code)).not.toContain("T_MOI");

    // Figures of its first weeks, then it is retired with a reason.
    await loadFigures(prisma, `unit_code,indicator,as_of,value\n00001,T_MOI,2023-04-02,10\n00004,T_MOI,2023-04-02,30`);
    await expect(retireIndicator(prisma, admin, { code: "T_MOI", reason: "" })).rejects.toThrow(/lý do/);
    // A scorecard in use is computed from T_SO: it must go first.
    await expect(retireIndicator(prisma, admin, { code: "T_SO", reason: "Thử nghiệm xong" })).rejects.toThrow(/T_DIEM/);
    const retired = await retireIndicator(prisma, admin, { code: "T_MOI", reason: "Chỉ tiêu thử nghiệm" });
    expect(retired.retiredOn).toBe(isoDate(todayInVietnam()));

    expect(await codesIn(addDays(thisWeek, 7))).not.toContain("T_MOI");
    expect((await listIndicators(prisma)).map((i) => i.code)).not.toContain("T_MOI");
    expect((await listIndicators(prisma, { retired: true })).map((i) => i.code)).toContain("T_MOI");
    const menu = await pickIndicator(prisma, undefined);
    expect(menu.indicators.map((i) => i.code)).not.toContain("T_MOI");
    // Asked by its code, it is still found, marked retired, and ranked as of an old date.
    const asked = await pickIndicator(prisma, "t_moi");
    expect(asked.indicator).toMatchObject({ code: "T_MOI", retiredOn: retired.retiredOn });
    const ranking = await getRanking(prisma, {
      basis: "live",
      indicator: "T_MOI",
      level: "PROVINCE",
      asOf: day("2023-04-30"),
    });
    expect(ranking.indicatorRetiredOn).toBe(retired.retiredOn);
    expect(ranking.items.map((i) => [i.code, i.value])).toEqual(
      expect.arrayContaining([
        ["01", 10],
        ["02", 30],
      ]),
    );
    // No new figures for it, by any path that saves them by hand.
    await expect(
      saveFigures(prisma, commune, {
        requestId: requestId(),
        week: isoDate(thisWeek),
        entries: [{ unit: "00001", indicator: "T_MOI", value: 12, version: 0 }],
      }),
    ).rejects.toThrow(/ngừng sử dụng/);

    // The admin undoes it; both steps are in its history.
    await restoreIndicator(prisma, admin, { code: "T_MOI" });
    expect((await listIndicators(prisma)).map((i) => i.code)).toContain("T_MOI");
    expect((await auditOf("T_MOI")).map((h) => [h.action, h.new_value.retiredOn ?? null])).toEqual([
      ["create", null],
      ["retire", retired.retiredOn],
      ["restore", null],
    ]);
  });
});
