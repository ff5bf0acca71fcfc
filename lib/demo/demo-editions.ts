import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import type { DueSettings } from "@/lib/calendar/due-times";
import { changeReportStatus } from "@/lib/entry/report-status";
import { saveFigures } from "@/lib/entry/save-figures";
import { addDays, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { dueEditionWeek, publishEdition } from "@/lib/publication/publish-edition";
import { inForceOn } from "@/lib/units/in-force";

const UNLOCK_REASON = "Xã báo nhầm số hồ sơ thu nhận (cộng thiếu một tổ công tác); sửa theo sổ thu nhận.";

/**
 * Two published editions for a fresh demo: the week before the latest that fell due, then,
 * after one unit's report of that week was approved, unlocked with a reason and its intake
 * corrected, the latest week, which carries that correction. Works on whatever units are
 * loaded (a commune when the lists are there, else a province), away from Hà Nội and Hồ Chí
 * Minh City, whose weeks the browser tests use.
 */
export async function seedDemoEditions(
  prisma: PrismaClient,
  settings: DueSettings,
  progress: (message: string) => void = () => {},
): Promise<number[]> {
  // Seeding again leaves the editions there are: they cannot change, and the unit's week is approved.
  if ((await prisma.publication.count()) > 0) return [];
  const latest = dueEditionWeek(settings);
  const earlier = addDays(latest, -7);
  const ministry = actor("MINISTRY_ADMIN", null, "Cục C06 (dữ liệu mẫu)");
  progress("Công bố bảng xếp hạng mẫu…");
  const first = await publishEdition(prisma, ministry, { requestId: randomUUID(), week: isoDate(earlier) }, settings);

  const [unit] = await prisma.$queryRaw<
    { id: number; code: string; parentId: number | null; value: number; version: number }[]
  >`
    SELECT u.id, u.code, u.parent_id AS "parentId", f.value, f.version
    FROM unit u JOIN figure f ON f.unit_id = u.id AND f.as_of = ${earlier}::date
    JOIN indicator i ON i.id = f.indicator_id AND i.code = 'CCCD_INTAKE'
    LEFT JOIN unit p ON p.id = u.parent_id
    WHERE ${inForceOn("u", earlier)} AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id)
      AND COALESCE(p.code, u.code) NOT IN ('01', '79')
    ORDER BY u.level DESC, COALESCE(p.code, u.code) DESC, u.code LIMIT 1`;
  if (!unit) return [first.number];
  // Named as the correction notice shows them: the demo's accounts are made after its data.
  const reporter = unit.parentId
    ? actor("COMMUNE_OFFICER", unit.id, "Công an xã (dữ liệu mẫu)")
    : actor("PROVINCE_OFFICER", unit.id, "Công an tỉnh (dữ liệu mẫu)");
  const approver = unit.parentId ? actor("PROVINCE_OFFICER", unit.parentId, "Công an tỉnh (dữ liệu mẫu)") : ministry;
  const report = (who: Actor, action: "submit" | "approve" | "unlock", code = unit.code, reason?: string) =>
    changeReportStatus(prisma, who, { requestId: randomUUID(), week: isoDate(earlier), unit: code, action, reason });
  const statusOf = async (unitId: number) =>
    (
      await prisma.weeklyReport.findUnique({
        where: { unitId_week: { unitId, week: earlier } },
        select: { status: true },
      })
    )?.status;
  // The demo's history is approved up to its last two weeks, the level above included: that
  // level's report is unlocked first, as a real correction needs, and approved again after.
  const parent = unit.parentId ? await prisma.unit.findUniqueOrThrow({ where: { id: unit.parentId } }) : null;
  const parentLocked = parent ? (await statusOf(parent.id)) === "APPROVED" : false;
  if ((await statusOf(unit.id)) !== "APPROVED") {
    await report(reporter, "submit");
    await report(approver, "approve");
  }
  if (parent && parentLocked) await report(ministry, "unlock", parent.code, UNLOCK_REASON);
  await report(approver, "unlock", unit.code, UNLOCK_REASON);
  await saveFigures(prisma, reporter, {
    requestId: randomUUID(),
    week: isoDate(earlier),
    entries: [{ unit: unit.code, indicator: "CCCD_INTAKE", value: unit.value + 37, version: unit.version }],
  });
  await report(reporter, "submit");
  await report(approver, "approve");
  if (parent && parentLocked) {
    await report(approver, "submit", parent.code);
    await report(ministry, "approve", parent.code);
  }
  const second = await publishEdition(prisma, ministry, { requestId: randomUUID(), week: isoDate(latest) }, settings);
  return [first.number, second.number];
}

function actor(role: Role, unitId: number | null, username: string): Actor {
  return { id: 0, username, displayName: username, role, unitId };
}
