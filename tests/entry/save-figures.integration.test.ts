import fc from "fast-check";
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getEntrySheet } from "@/lib/entry/get-entry-sheet";
import { changeReportStatus } from "@/lib/entry/report-status";
import { type SaveOutcome, saveFigures } from "@/lib/entry/save-figures";
import { ConflictError, ForbiddenError, InvalidParamError, LockedError, OtherOwnerError } from "@/lib/errors";
import { rebuildSeries } from "@/lib/series/refresh-series";
import { actorAt, requestId, writeFingerprint } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { loadSmallWorld } from "../setup/fixtures";

const prisma = connectTestDatabase();
const WEEK = "2023-04-30";
let commune: Actor;
let district: Actor;

beforeAll(async () => {
  await loadSmallWorld(prisma);
  commune = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
  district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
});

beforeEach(async () => {
  await prisma.$executeRawUnsafe(`DELETE FROM weekly_report`);
});

async function figure(code: string, indicator: string) {
  const rows = await prisma.$queryRaw<{ value: number; version: number; id: number }[]>`
    SELECT f.id, f.value, f.version FROM figure f JOIN unit u ON u.id = f.unit_id JOIN indicator i ON i.id = f.indicator_id
    WHERE u.code = ${code} AND i.code = ${indicator} AND f.as_of = ${WEEK}::date`;
  return rows[0] ?? null;
}

const save = (actor: Actor, value: number, version: number, id = requestId(), indicator = "CCCD_INTAKE") =>
  saveFigures(prisma, actor, { requestId: id, week: WEEK, entries: [{ unit: "00001", indicator, value, version }] });

describe("saving figures", () => {
  it("writes the figure, its audit entry and the ranking read model together", async () => {
    const before = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number; id: number };
    const outcome = await save(commune, before.value + 10, before.version);
    expect(outcome).toMatchObject({ status: "saved", changed: 1 });
    const after = await figure("00001", "CCCD_INTAKE");
    expect(after).toMatchObject({ value: before.value + 10, version: before.version + 1 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: before.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actor: commune.username, action: "update", entity: "figure" });
    expect(audit.oldValue).toEqual({ value: before.value, version: before.version });
    const series = await prisma.$queryRaw<{ value: bigint }[]>`
      SELECT s.value FROM unit_series s JOIN unit u ON u.id = s.unit_id JOIN indicator i ON i.id = s.indicator_id
      WHERE u.code = '001' AND i.code = 'CCCD_INTAKE' AND s.as_of = ${WEEK}::date`;
    // District 001 = 00001 + 00002 (250) in the same transaction.
    expect(Number(series[0]?.value)).toBe(before.value + 10 + 250);
  });

  it("refuses a save based on a stale version, showing both values and who changed it", async () => {
    const current = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number };
    await save(district, current.value + 1, current.version);
    const stale = await save(commune, current.value + 2, current.version);
    expect(stale.status).toBe("conflict");
    const [conflict] = (stale as Extract<SaveOutcome, { status: "conflict" }>).conflicts;
    expect(conflict).toMatchObject({
      unit: "00001",
      yours: current.value + 2,
      current: current.value + 1,
      currentVersion: current.version + 1,
      changedBy: district.username,
    });
    expect(conflict?.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await figure("00001", "CCCD_INTAKE")).toMatchObject({ value: current.value + 1 });
  });

  it("50 parallel saves from the same version: exactly one winner and 49 conflicts", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number; id: number };
    const auditBefore = await prisma.auditEntry.count({ where: { entity: "figure", entityId: start.id } });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => save(i % 2 ? commune : district, start.value + 100 + i, start.version)),
    );
    const winners = outcomes.filter((o) => o.status === "saved");
    const conflicts = outcomes.filter((o) => o.status === "conflict");
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const after = await figure("00001", "CCCD_INTAKE");
    const winnerValue = (winners[0] as Extract<SaveOutcome, { status: "saved" }>).figures[0]?.value;
    expect(after).toMatchObject({ value: winnerValue, version: start.version + 1 });
    expect(await prisma.auditEntry.count({ where: { entity: "figure", entityId: start.id } })).toBe(auditBefore + 1);
  });

  it("50 parallel first saves of a new figure: one creates it, 49 conflicts", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => save(commune, 1000 + i, 0, requestId(), "VNEID_L1_ACTIVATED")),
    );
    expect(outcomes.filter((o) => o.status === "saved")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "conflict")).toHaveLength(49);
    const created = (await figure("00001", "VNEID_L1_ACTIVATED")) as { id: number };
    expect(await prisma.auditEntry.count({ where: { entity: "figure", entityId: created.id } })).toBe(1);
  });

  it("parallel saves on sibling communes leave the district and province totals a full rebuild gives", async () => {
    const seriesOf = () =>
      prisma.$queryRawUnsafe<{ unit_id: number; as_of: Date; value: bigint; peak: bigint }[]>(
        `SELECT unit_id, as_of, value, peak FROM unit_series s JOIN indicator i ON i.id = s.indicator_id
         WHERE i.code = 'CCCD_INTAKE' ORDER BY unit_id, as_of`,
      );
    for (let round = 0; round < 10; round++) {
      const siblings = await Promise.all(
        ["00001", "00002"].map(async (code) => ({ code, f: await figure(code, "CCCD_INTAKE") })),
      );
      const outcomes = await Promise.all(
        siblings.map(({ code, f }) =>
          saveFigures(prisma, district, {
            requestId: requestId(),
            week: WEEK,
            entries: [
              { unit: code, indicator: "CCCD_INTAKE", value: (f?.value ?? 0) + 7 + round, version: f?.version ?? 0 },
            ],
          }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(["saved", "saved"]);
    }
    const incremental = await seriesOf();
    const intake = await prisma.indicator.findUniqueOrThrow({ where: { code: "CCCD_INTAKE" } });
    await rebuildSeries(prisma, [intake.id]);
    expect(incremental).toEqual(await seriesOf());
  });

  it("a grid save with one unit outside the user's scope is refused whole and logged", async () => {
    const before = await writeFingerprint(prisma);
    const grid = (codes: string[]) =>
      saveFigures(prisma, district, {
        requestId: requestId(),
        week: WEEK,
        entries: codes.map((unit) => ({ unit, indicator: "VNEID_L2_ACTIVATED", value: 5, version: 0 })),
      });
    const log = vi.spyOn(console, "warn").mockImplementation(() => {});
    // 00003 belongs to district 002, not to 001.
    await expect(grid(["00001", "00002", "00003"])).rejects.toBeInstanceOf(ForbiddenError);
    expect(log.mock.calls.some(([line]) => String(line).includes('"event":"access.denied"'))).toBe(true);
    log.mockRestore();
    expect(await writeFingerprint(prisma)).toEqual(before);
    expect(await grid(["00001", "00002"])).toMatchObject({ status: "saved", changed: 2 });
  });

  it("10 replays of one submission create one change, in parallel and one after another", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number; id: number };
    const id = requestId();
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => save(commune, start.value + 5, start.version, id)),
    );
    const serial: SaveOutcome[] = [];
    for (let i = 0; i < 5; i++) serial.push(await save(commune, start.value + 5, start.version, id));
    const all = [...parallel, ...serial];
    expect(all.every((o) => o.status === "saved")).toBe(true);
    expect(all.filter((o) => o.status === "saved" && !o.replayed)).toHaveLength(1);
    expect(await figure("00001", "CCCD_INTAKE")).toMatchObject({ value: start.value + 5, version: start.version + 1 });
    const audits = await prisma.auditEntry.count({ where: { requestId: id } });
    expect(audits).toBe(1);
  });

  it("a request id another user already used is refused with 409, revealing nothing and writing nothing", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number; id: number };
    const id = requestId();
    await save(commune, start.value + 1, start.version, id);
    const before = await writeFingerprint(prisma);
    const other = await save(district, start.value + 2, start.version + 1, id).catch((e: Error) => e);
    expect(other).toBeInstanceOf(ConflictError);
    expect((other as Error).message).toMatch(/requestId này đã được dùng cho một yêu cầu khác/);
    expect(await writeFingerprint(prisma)).toEqual(before);
  });

  it("a save kept on the device for another user is refused under this session, writes nothing and leaves its request id free", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number; id: number };
    const id = requestId();
    const entries = [{ unit: "00001", indicator: "CCCD_INTAKE", value: start.value + 3, version: start.version }];
    const before = await writeFingerprint(prisma);
    const audits = await prisma.auditEntry.count();
    // The district officer's session sends a save the commune officer queued on a shared device.
    const refused = await saveFigures(prisma, district, {
      requestId: id,
      week: WEEK,
      owner: commune.id,
      entries,
    }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(OtherOwnerError);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toMatch(/cho một tài khoản khác.*chưa ghi gì/);
    expect(await writeFingerprint(prisma)).toEqual(before);
    expect(await prisma.auditEntry.count()).toBe(audits);
    expect(await prisma.auditEntry.count({ where: { requestId: id } })).toBe(0);
    expect(await figure("00001", "CCCD_INTAKE")).toMatchObject({ value: start.value, version: start.version });

    // Its owner sends it later, same request id: written once, and a replay answers the stored receipt.
    const own = await saveFigures(prisma, commune, { requestId: id, week: WEEK, owner: commune.id, entries });
    expect(own).toMatchObject({ status: "saved", replayed: false, changed: 1 });
    const replay = await saveFigures(prisma, commune, { requestId: id, week: WEEK, owner: commune.id, entries });
    expect(replay).toMatchObject({ status: "saved", replayed: true, changed: 1 });
    expect(await prisma.auditEntry.count({ where: { requestId: id } })).toBe(1);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { requestId: id } });
    expect(audit.actor).toBe(commune.username);

    // Even the request id's owner is refused when the save names someone else: nothing replayed, nothing written.
    const after = await writeFingerprint(prisma);
    const again = await saveFigures(prisma, commune, { requestId: id, week: WEEK, owner: district.id, entries }).catch(
      (e: Error) => e,
    );
    expect(again).toBeInstanceOf(OtherOwnerError);
    expect(await writeFingerprint(prisma)).toEqual(after);
  });

  it("a save that names no owner (a page from before owners were sent) is written as before", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number };
    expect(await save(commune, start.value + 1, start.version)).toMatchObject({ status: "saved", changed: 1 });
  });

  it("an approved week refuses every change until a level above unlocks it", async () => {
    const start = (await figure("00001", "CCCD_INTAKE")) as { value: number; version: number };
    await changeReportStatus(prisma, commune, { requestId: requestId(), week: WEEK, unit: "00001", action: "submit" });
    await changeReportStatus(prisma, district, {
      requestId: requestId(),
      week: WEEK,
      unit: "00001",
      action: "approve",
    });
    const before = await writeFingerprint(prisma);
    await expect(save(commune, start.value + 1, start.version)).rejects.toBeInstanceOf(LockedError);
    await expect(save(district, start.value + 1, start.version)).rejects.toBeInstanceOf(LockedError);
    expect(await writeFingerprint(prisma)).toEqual(before);
    await changeReportStatus(prisma, district, {
      requestId: requestId(),
      week: WEEK,
      unit: "00001",
      action: "unlock",
      reason: "Xã báo nhầm số thu nhận",
    });
    expect(await save(commune, start.value + 1, start.version)).toMatchObject({ status: "saved" });
  });

  it("a parent approves only when every child is approved, and unlocks a child only when its own report is open", async () => {
    const province = await actorAt(prisma, "PROVINCE_OFFICER", "01");
    const firstAudit = (await prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const act = (actor: Actor, unit: string, action: "submit" | "approve" | "unlock") =>
      changeReportStatus(prisma, actor, {
        requestId: requestId(),
        week: WEEK,
        unit,
        action,
        reason: "Cần sửa số liệu",
      });
    await act(district, "001", "submit");
    await act(commune, "00001", "submit");
    await act(district, "00001", "approve");
    await expect(act(province, "001", "approve")).rejects.toThrow(
      /1 đơn vị cấp dưới chưa được phê duyệt \(Xã X00002\)/,
    );
    await act(district, "00002", "submit");
    await act(district, "00002", "approve");
    expect(await act(province, "001", "approve")).toMatchObject({ status: "APPROVED" });
    await expect(act(district, "00001", "unlock")).rejects.toThrow(/mở khoá báo cáo cấp trên trước/);
    await act(province, "001", "unlock");
    expect(await act(district, "00001", "unlock")).toMatchObject({ status: "SUBMITTED" });
    const trail = await prisma.auditEntry.findMany({
      where: { entity: "weekly_report", id: { gt: firstAudit } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((t) => t.action)).toEqual([
      "submit",
      "submit",
      "approve",
      "submit",
      "approve",
      "approve",
      "unlock",
      "unlock",
    ]);
  });

  it("a report returned with a reason is open again, the unit is told why, and only a level above may return it", async () => {
    const act = (actor: Actor, action: "submit" | "approve" | "return", reason?: string) =>
      changeReportStatus(prisma, actor, { requestId: requestId(), week: WEEK, unit: "00001", action, reason });
    await expect(act(district, "return", "Số thu nhận gấp mười tuần trước")).rejects.toThrow(/chưa gửi báo cáo/);
    await act(commune, "submit");
    await expect(act(commune, "return", "Tự trả lại")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(act(district, "return")).rejects.toThrow(/Cần ghi lý do trả lại/);
    expect(await act(district, "return", "  Số thu nhận gấp mười tuần trước ")).toMatchObject({ status: "OPEN" });
    expect(await prisma.weeklyReport.count({ where: { unit: { code: "00001" } } })).toBe(0);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "return" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actor: district.username, entity: "weekly_report" });
    expect(entry.newValue).toMatchObject({ status: "OPEN", week: WEEK, reason: "Số thu nhận gấp mười tuần trước" });
    const sheet = await getEntrySheet(prisma, commune, { unit: "00001", week: WEEK });
    expect(sheet.own?.returned).toMatchObject({ by: district.username, reason: "Số thu nhận gấp mười tuần trước" });
    // Sent again, the note goes; approved, it cannot be returned any more.
    await act(commune, "submit");
    expect((await getEntrySheet(prisma, commune, { unit: "00001", week: WEEK })).own?.returned).toBeNull();
    await act(district, "approve");
    await expect(act(district, "return", "Quá muộn")).rejects.toThrow(/đã được phê duyệt/);
  });

  it("a commune cannot submit a week it has not entered anything for", async () => {
    await expect(
      changeReportStatus(prisma, commune, {
        requestId: requestId(),
        week: "2023-03-26",
        unit: "00001",
        action: "submit",
      }),
    ).rejects.toThrow(/Chưa có số liệu nào của tuần này/);
  });
});

describe("invalid payloads (property)", () => {
  it("random payloads never write and are refused with a named parameter, never an unexpected error", async () => {
    const before = await writeFingerprint(prisma);
    const anything = fc.oneof(
      fc.anything(),
      fc.record({
        requestId: fc.oneof(fc.uuid(), fc.string()),
        week: fc.oneof(
          fc.constant(WEEK),
          fc.string(),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString().slice(0, 10))),
        ),
        entries: fc.oneof(
          fc.array(
            fc.record({
              unit: fc.oneof(fc.constantFrom("00001", "00004", "99999", "01"), fc.string()),
              indicator: fc.oneof(fc.constantFrom("CCCD_INTAKE", "NOPE"), fc.string()),
              value: fc.oneof(
                fc.integer({ min: -5, max: -1 }),
                fc.double().filter((d) => !Number.isInteger(d)), // a whole double would be a valid count
                fc.string(),
                fc.constant(null),
                fc.constant(2 ** 40),
              ),
              version: fc.oneof(fc.integer(), fc.string()),
            }),
            // At least one entry: an empty list would leave only the week and id to be wrong.
            { minLength: 1, maxLength: 5 },
          ),
          fc.anything(),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(anything, async (payload) => {
        const error = await saveFigures(prisma, commune, payload).then(
          () => null,
          (e: unknown) => e,
        );
        // Every value above is invalid somewhere (bad week, unit, indicator, value or version),
        // or belongs to a unit outside the commune: refused with a reason the form can show.
        expect(error).not.toBeNull();
        expect(
          error instanceof InvalidParamError || error instanceof ForbiddenError || error instanceof LockedError,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(await writeFingerprint(prisma)).toEqual(before);
  });

  it("random report actions never write when invalid", async () => {
    const before = await writeFingerprint(prisma);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          requestId: fc.oneof(fc.uuid(), fc.string()),
          week: fc.string(),
          unit: fc.string(),
          action: fc.string(),
        }),
        async (payload) => {
          await expect(changeReportStatus(prisma, district, payload)).rejects.toBeInstanceOf(InvalidParamError);
        },
      ),
      { numRuns: 200 },
    );
    expect(await writeFingerprint(prisma)).toEqual(before);
  });
});

describe("faults", () => {
  it("a connection killed in the middle of a save leaves no partial write, and the next save works", async () => {
    expect(await figure("00001", "VNEID_L2_INTAKE")).toBeNull();
    const auditBefore = await prisma.auditEntry.count();
    // Hold the row every write transaction bumps last, so the save stops after writing the
    // figure and its audit entry, then kill its connection there.
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT * FROM data_version WHERE id = 1 FOR UPDATE");
    const pending = save(commune, 321, 0, requestId(), "VNEID_L2_INTAKE").then(
      () => null,
      (e: unknown) => e,
    );
    let killed = 0;
    try {
      // Up to 20 s for the save to reach the lock: on a busy machine it can take seconds.
      for (let i = 0; i < 800 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        // Inside a transaction PostgreSQL keeps its first view of pg_stat_activity: drop it,
        // or a save that reaches the lock after the first look is never seen waiting.
        await holder.query("SELECT pg_stat_clear_snapshot()");
        const result = await holder.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE '%data_version%'`,
        );
        killed = result.rowCount ?? 0;
      }
      expect(killed).toBe(1);
      expect(await pending).toBeInstanceOf(Error);
    } finally {
      // Whatever happened, the lock is let go: the tests after this one must not wait on it.
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect(await figure("00001", "VNEID_L2_INTAKE")).toBeNull();
    expect(await prisma.auditEntry.count()).toBe(auditBefore);
    expect(await save(commune, 321, 0, requestId(), "VNEID_L2_INTAKE")).toMatchObject({ status: "saved" });
    expect(await figure("00001", "VNEID_L2_INTAKE")).toMatchObject({ value: 321, version: 1 });
    expect(await prisma.auditEntry.count()).toBe(auditBefore + 1);
  });
});

describe("audit trail", () => {
  it("cannot be updated, deleted or truncated by the application's connection", async () => {
    const count = await prisma.auditEntry.count();
    expect(count).toBeGreaterThan(0);
    await expect(prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'x'`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.count()).toBe(count);
  });
});
