import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { DueSettings } from "@/lib/calendar/due-times";
import { changeReportStatus } from "@/lib/entry/report-status";
import { saveFigures } from "@/lib/entry/save-figures";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { officialRankingForEdition } from "@/lib/publication/official-ranking";
import { publishEdition } from "@/lib/publication/publish-edition";
import { editionRanking, getEdition, listEditions } from "@/lib/publication/read-editions";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { approveAllWeeks, day, loadSmallWorld, rebuildOfficial } from "../setup/fixtures";

const prisma = connectTestDatabase();
const SETTINGS: DueSettings = { COMMUNE: "1 17:00", DISTRICT: "2 17:00", PROVINCE: "3 17:00", MINISTRY: "4 17:00" };
const WEEK = "2023-04-30";
const NOW = new Date("2023-05-12T03:00:00Z");

beforeAll(async () => {
  await loadSmallWorld(prisma);
  // Editions hold the official ranking: every week up to the one published is approved; the
  // week after stays open, as the tests save into it.
  await approveAllWeeks(prisma);
  await prisma.$executeRaw`DELETE FROM weekly_report WHERE week > ${day(WEEK)}::date`;
  await rebuildOfficial(prisma);
});

const publish = async (week?: string) =>
  publishEdition(
    prisma,
    await actorAt(prisma, "MINISTRY_ADMIN", null),
    { requestId: requestId(), week },
    SETTINGS,
    NOW,
  );

describe("a published edition", () => {
  it("is published by a ministry admin only, and its stored ranking is what the ranking gave", async () => {
    const province = await actorAt(prisma, "PROVINCE_ADMIN", "01");
    await expect(
      publishEdition(prisma, province, { requestId: requestId(), week: WEEK }, SETTINGS, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listEditions(prisma, { limit: 10, offset: 0 })).total).toBe(0);

    const first = await publish(WEEK);
    expect(first).toMatchObject({ number: 1, week: WEEK, created: true, corrections: 0 });
    const shown = await officialRankingForEdition(prisma, {
      indicator: "CCCD_INTAKE",
      level: "PROVINCE",
      asOf: day(WEEK),
    });
    const stored = await editionRanking(prisma, 1, { indicator: "CCCD_INTAKE", level: "province", parent: "" });
    expect(stored).toEqual(JSON.parse(JSON.stringify(shown)));
    expect(stored?.items.map((i) => i.code)).toEqual(["01", "04", "02", "03"]);
    // Every level is stored: the districts and the communes of each province.
    const communes = await editionRanking(prisma, 1, { indicator: "CCCD_INTAKE", level: "commune", parent: "01" });
    expect(communes?.items.map((i) => i.code).sort()).toEqual(["00001", "00002", "00003"]);
    const districts = await editionRanking(prisma, 1, { indicator: "CCCD_INTAKE", level: "district", parent: "01" });
    expect(districts?.items).toHaveLength(2);
    expect(await editionRanking(prisma, 9, { indicator: "CCCD_INTAKE", level: "province", parent: "" })).toBeNull();
  });

  it("is not published again when nothing changed, nor when only figures after its week did", async () => {
    expect(await publish(WEEK)).toMatchObject({ number: 1, created: false });
    // A later week's figure: the data changed, the week's rankings did not.
    const later = await prisma.figure.findFirstOrThrow({
      where: { unit: { code: "00005" }, indicator: { code: "CCCD_INTAKE" }, asOf: day("2023-05-07") },
    });
    await saveFigures(prisma, await actorAt(prisma, "COMMUNE_OFFICER", "00005"), {
      requestId: requestId(),
      week: "2023-05-07",
      entries: [{ unit: "00005", indicator: "CCCD_INTAKE", value: later.value + 5, version: later.version }],
    });
    expect(await publish(WEEK)).toMatchObject({ number: 1, created: false });
    expect((await listEditions(prisma, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("is refused by the database when anything tries to change or remove it", async () => {
    await expect(
      prisma.$executeRawUnsafe("UPDATE publication SET week = '2023-05-07' WHERE number = 1"),
    ).rejects.toThrow(/publication is immutable: UPDATE/);
    await expect(prisma.$executeRawUnsafe("UPDATE publication_item SET item = '{}'::jsonb")).rejects.toThrow(
      /publication_item is immutable/,
    );
    await expect(prisma.$executeRawUnsafe("DELETE FROM publication_ranking")).rejects.toThrow(/immutable: DELETE/);
    await expect(prisma.$executeRawUnsafe("TRUNCATE publication CASCADE")).rejects.toThrow(/immutable: TRUNCATE/);
    expect((await getEdition(prisma, 1))?.week).toBe(WEEK);
    // The product's own role has no such right to begin with.
    const runtime = new pg.Client({ connectionString: inject("runtimeDatabaseUrl") });
    await runtime.connect();
    try {
      for (const statement of [
        "UPDATE publication SET week = '2023-05-07'",
        "DELETE FROM publication_item",
        "TRUNCATE publication_correction",
      ])
        await expect(runtime.query(statement), statement).rejects.toThrow(/permission denied/);
    } finally {
      await runtime.end();
    }
  });
});

describe("unlocking and corrections", () => {
  it("an unlock needs a reason, checked once the user may unlock, and kept in its audit entry", async () => {
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    const act = (who: typeof commune, action: "submit" | "approve" | "unlock", reason?: string) =>
      changeReportStatus(prisma, who, { requestId: requestId(), week: WEEK, unit: "00001", action, reason });
    // The week is approved (see beforeAll). Someone who may not unlock is refused for that, whatever the reason.
    await expect(act(commune, "unlock")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(district, "unlock")).rejects.toThrow(/Cần ghi lý do mở khoá/);
    await expect(act(district, "unlock", "  ab ")).rejects.toBeInstanceOf(InvalidParamError);
    await expect(act(district, "unlock", "x".repeat(501))).rejects.toThrow(/tối đa 500 ký tự/);
    expect(await act(district, "unlock", "  Xã báo nhầm số hồ sơ thu nhận ")).toMatchObject({ status: "SUBMITTED" });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "unlock" }, orderBy: { id: "desc" } });
    expect(entry.newValue).toMatchObject({ reason: "Xã báo nhầm số hồ sơ thu nhận", week: WEEK });
  });

  it("a figure of a published week changed after the unlock is announced by the next edition, with the unlock's reason", async () => {
    const commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
    const figure = await prisma.figure.findFirstOrThrow({
      where: { unit: { code: "00001" }, indicator: { code: "CCCD_INTAKE" }, asOf: day(WEEK) },
    });
    expect(figure.value).toBe(400);
    await saveFigures(prisma, commune, {
      requestId: requestId(),
      week: WEEK,
      entries: [{ unit: "00001", indicator: "CCCD_INTAKE", value: 430, version: figure.version }],
    });
    // Sent and approved again, as a corrected week is (the official ranking reads approved weeks).
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    for (const [who, action] of [
      [commune, "submit"],
      [district, "approve"],
    ] as const)
      await changeReportStatus(prisma, who, { requestId: requestId(), week: WEEK, unit: "00001", action });
    const second = await publish(WEEK);
    expect(second).toMatchObject({ number: 2, created: true, corrections: 1 });
    const edition = await getEdition(prisma, 2);
    expect(edition?.notices).toEqual([
      expect.objectContaining({
        week: WEEK,
        unitCode: "00001",
        unitName: "Xã X00001",
        indicator: "CCCD_INTAKE",
        oldValue: expect.objectContaining({ value: 400 }),
        newValue: expect.objectContaining({ value: 430 }),
        changedBy: commune.username,
        reason: "Xã báo nhầm số hồ sơ thu nhận",
      }),
    ]);
    // The earlier edition still shows what it showed; the new one the corrected figure.
    const communesOf = async (n: number) =>
      (await editionRanking(prisma, n, { indicator: "CCCD_INTAKE", level: "commune", parent: "01" }))?.items.find(
        (i) => i.code === "00001",
      )?.value;
    expect([await communesOf(1), await communesOf(2)]).toEqual([400, 430]);
    // Announced once: the edition after carries no correction.
    expect(await publish(WEEK)).toMatchObject({ number: 2, created: false });
  });

  it("numbers editions in order across weeks, the default week being the latest that fell due", async () => {
    // 12/05/2023 10:00 in Vietnam: the week of 07/05 fell due for the ministry on Thursday 11/05 at 17:00.
    const third = await publish();
    expect(third).toMatchObject({ number: 3, week: "2023-05-07", created: true, corrections: 0 });
    const list = await listEditions(prisma, { limit: 10, offset: 0 });
    expect(
      list.items.map((e: { number: number; week: string; corrections: number }) => [e.number, e.week, e.corrections]),
    ).toEqual([
      [3, "2023-05-07", 0],
      [2, WEEK, 1],
      [1, WEEK, 0],
    ]);
  });
});
