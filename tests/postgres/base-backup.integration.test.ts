import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { saveFigures } from "@/lib/entry/save-figures";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { freePort, takeBaseBackup } from "@/lib/postgres/base-backup";
import { prepareDataDirectory, recoverToBackupEnd, spawnPostgres, verifyBackup } from "@/lib/postgres/restore-backup";
import { getRanking } from "@/lib/rankings/get-ranking";
import { actorAt, requestId } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { day, loadSmallWorld } from "../setup/fixtures";

const prisma = connectTestDatabase();
const WEEK = "2023-04-30";
const work = path.join(os.tmpdir(), `de-an-06-backup-test-${process.pid}`);
let officer: Actor;

beforeAll(async () => {
  await resetDatabase();
  await loadSmallWorld(prisma);
  officer = await actorAt(prisma, "COMMUNE_OFFICER", "00001");
  await fs.mkdir(work, { recursive: true, mode: 0o755 });
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

const ranking = async (client: PrismaClient) =>
  JSON.stringify(
    await getRanking(client, { basis: "live", indicator: "CCCD_INTAKE", level: "COMMUNE", asOf: day(WEEK) }),
  );

async function commune00001(client: PrismaClient) {
  return client.figure.findFirstOrThrow({
    where: { unit: { code: "00001" }, indicator: { code: "CCCD_INTAKE" }, asOf: day(WEEK) },
    select: { id: true, value: true, version: true },
  });
}

describe("a base backup taken while saves keep arriving", () => {
  it("restores every save acknowledged before the backup ended, nothing later, and the rankings of that moment", async () => {
    const start = await commune00001(prisma);
    const auditAtStart = await prisma.auditEntry.count({ where: { entity: "figure", entityId: start.id } });
    // One officer saving again and again; after each acknowledged save, the time and the ranking.
    const acknowledged: { at: number; ranking: string }[] = [];
    let saving = true;
    const saver = (async () => {
      for (let i = 1; saving; i++) {
        const outcome = await saveFigures(prisma, officer, {
          requestId: requestId(),
          week: WEEK,
          entries: [
            { unit: "00001", indicator: "CCCD_INTAKE", value: start.value + i, version: start.version + i - 1 },
          ],
        });
        expect(outcome.status).toBe("saved");
        acknowledged.push({ at: performance.now(), ranking: await ranking(prisma) });
      }
    })();
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 10));

    let stopCalled = 0;
    let stopReturned = 0;
    const savesAtStart = acknowledged.length;
    const target = path.join(work, "backup");
    const manifest = await takeBaseBackup({
      superuserUrl: inject("databaseUrl"),
      dataDir: inject("databaseDir"),
      passwordFile: `${inject("databaseDir")}.password`,
      target,
      aroundStop: { before: () => (stopCalled = performance.now()), after: () => (stopReturned = performance.now()) },
    });
    while (acknowledged.filter((a) => a.at > stopReturned).length < 5) await new Promise((r) => setTimeout(r, 10));
    saving = false;
    await saver;
    const savesDuringCopy = acknowledged.filter((a) => a.at < stopCalled).length - savesAtStart;
    expect(savesDuringCopy).toBeGreaterThan(0);

    const restoredDir = path.join(work, "restored");
    await prepareDataDirectory({ source: target, dataDir: restoredDir });
    await recoverToBackupEnd(restoredDir, manifest);
    const port = await freePort();
    const server = await spawnPostgres(restoredDir, port);
    const url = new URL(inject("databaseUrl"));
    url.port = String(port);
    const restored = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      const figure = await commune00001(restored);
      const present = figure.value - start.value; // saves 1..k are in, in order, or the value would differ
      expect(figure.version).toBe(start.version + present);
      // Each save came back with its audit entry, never one without the other.
      expect(await restored.auditEntry.count({ where: { entity: "figure", entityId: figure.id } })).toBe(
        auditAtStart + present,
      );
      expect(present).toBeGreaterThanOrEqual(acknowledged.filter((a) => a.at < stopCalled).length);
      expect(present).toBeLessThan(acknowledged.findIndex((a) => a.at > stopReturned) + 1);
      expect(await ranking(restored)).toBe(acknowledged[present - 1]?.ranking);
    } finally {
      await restored.$disconnect();
      await server.stop();
    }
  });

  it("is verified by restoring it into a throw-away server", async () => {
    const target = path.join(work, "verified");
    await takeBaseBackup({
      superuserUrl: inject("databaseUrl"),
      dataDir: inject("databaseDir"),
      passwordFile: `${inject("databaseDir")}.password`,
      target,
    });
    const report = await verifyBackup(target);
    expect(report.rows.figure).toBe(await prisma.figure.count());
    expect(report.indexes).toBeGreaterThan(10);
    // A damaged copy is caught: the data checksum of a page of figures no longer matches.
    const [file] = await prisma.$queryRawUnsafe<{ path: string }[]>("SELECT pg_relation_filepath('figure') AS path");
    const damaged = await fs.open(path.join(target, "data", file?.path ?? ""), "r+");
    const { size } = await damaged.stat();
    for (let page = 0; page < size; page += 8192) await damaged.write(Buffer.alloc(64, 0x5a), 0, 64, page + 4000);
    await damaged.close();
    await expect(verifyBackup(target)).rejects.toThrow(/checksum|invalid page/i);
  });

  it("refuses to write into a folder that already holds something", async () => {
    const target = path.join(work, "occupied");
    await fs.mkdir(target, { recursive: true });
    await fs.writeFile(path.join(target, "keep.txt"), "x");
    await expect(
      takeBaseBackup({ superuserUrl: inject("databaseUrl"), dataDir: inject("databaseDir"), target }),
    ).rejects.toThrow(/không trống/);
  });
});
