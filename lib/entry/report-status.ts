import "server-only";
import type { Actor } from "@/lib/access/actor";
import { authorize, logDenied } from "@/lib/access/authorize";
import type { Db } from "@/lib/db/db";
import { InvalidParamError, LockedError, OtherOwnerError } from "@/lib/errors";
import { formatDateVi, isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { refreshOfficialWeek } from "@/lib/series/refresh-official";
import { inForceOn } from "@/lib/units/in-force";
import { fullName, type UnitOnDate, unitsOn } from "@/lib/units/units-on";
import { idempotentWrite, parseInput } from "@/lib/writes/idempotent-write";
import { ZReportAction } from "./entry-input";
import { UNLOCK_REASON } from "./unlock-reason";

export type ReportOutcome = { status: ReportStatus | "OPEN"; replayed: boolean; message: string };

const ACTION = {
  submit: "week.submit",
  approve: "week.approve",
  unlock: "week.unlock",
  return: "week.return",
} as const;

/**
 * Submits, approves, unlocks or returns a unit's weekly report. Submission sends it to the
 * parent level, which approves it (once every child unit's report is approved), locking it,
 * or returns it with a reason; only a level above the unit may unlock it, with a reason, and
 * not while the level above that has approved its own report. Each change is audited in the
 * same transaction.
 */
export async function changeReportStatus(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<ReportOutcome> {
  const input = parseInput(ZReportAction, raw);
  const { requestId, week, action } = input;
  // Kept on a device for its own account (see saveFigures): never sent under another's session.
  if (input.owner !== undefined && input.owner !== actor.id) {
    logDenied(actor, "week.submit.other-owner", null);
    throw new OtherOwnerError(
      "Báo cáo này được lưu trên máy cho một tài khoản khác, không phải tài khoản đang đăng nhập; chưa gửi gì.",
    );
  }
  if (week > todayInVietnam())
    throw new InvalidParamError("week", `Tuần kết thúc ngày ${formatDateVi(week)} chưa đến.`);
  const unit = (await unitsOn(prisma, [input.unit], week)).get(input.unit);
  if (!unit) throw new InvalidParamError("unit", `Không có đơn vị mã ${input.unit} vào ngày ${formatDateVi(week)}.`);
  await authorize(prisma, actor, ACTION[action], { id: unit.id, name: fullName(unit) });
  // Asked only of those who may unlock: anyone else is refused for who they are, not for the reason.
  const reason = action === "unlock" || action === "return" ? requiredReason(action, input.reason) : undefined;

  return idempotentWrite<ReportOutcome>(prisma, { actor, requestId }, async (tx) => {
    const change =
      action === "submit"
        ? await submit(tx, actor, unit, week)
        : action === "approve"
          ? await approve(tx, actor, unit, week)
          : action === "unlock"
            ? await unlock(tx, unit, week)
            : await sendBack(tx, unit, week);
    // Approving or unlocking moves the week's figures into or out of the official basis.
    const official = (action === "approve" || action === "unlock") && change.from !== change.result.status;
    if (official) await refreshOfficialWeek(tx, unit.id, week);
    return {
      outcome: change.result,
      dataChanged: official,
      audit: [
        {
          action,
          entity: "weekly_report",
          entityId: change.reportId,
          unitId: unit.id,
          indicatorId: null,
          oldValue: { status: change.from },
          newValue: { status: change.result.status, week: isoDate(week), ...(reason ? { reason } : {}) },
        },
      ],
    };
  });
}

/**
 * An approved week reopens only with a reason, kept in its audit entry (corrections cite it);
 * a report goes back to its unit only with a reason too, which the unit is shown.
 */
function requiredReason(action: "unlock" | "return", reason: string | undefined): string {
  if (!reason)
    throw new InvalidParamError(
      "reason",
      action === "unlock"
        ? `Cần ghi lý do mở khoá (${UNLOCK_REASON.min}–${UNLOCK_REASON.max} ký tự): việc mở khoá được ghi vào nhật ký và nêu trong thông báo đính chính.`
        : `Cần ghi lý do trả lại (${UNLOCK_REASON.min}–${UNLOCK_REASON.max} ký tự): đơn vị sẽ thấy lý do này khi sửa số liệu.`,
    );
  return reason;
}

type Change = { reportId: number; from: ReportStatus | "OPEN"; result: ReportOutcome };
type Row = { id: number; status: ReportStatus };

async function lockReport(tx: Db, unitId: number, week: Date): Promise<Row | null> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT id, status FROM weekly_report WHERE unit_id = ${unitId}::int AND week = ${week}::date FOR UPDATE`;
  return rows[0] ?? null;
}

async function submit(tx: Db, actor: Actor, unit: UnitOnDate, week: Date): Promise<Change> {
  const children = await childReports(tx, unit.id, week);
  if (children.length === 0) {
    // A commune reports its own figures; a level with children reports theirs.
    const own = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM figure WHERE unit_id = ${unit.id}::int AND as_of = ${week}::date LIMIT 1`;
    if (!own.length)
      throw new InvalidParamError("week", "Chưa có số liệu nào của tuần này; nhập và lưu số liệu trước khi gửi.");
  }
  const existing = await lockReport(tx, unit.id, week);
  if (existing?.status === "APPROVED")
    throw new LockedError(`Báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)} đã được phê duyệt.`);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO weekly_report (unit_id, week, status, submitted_by, submitted_at)
    VALUES (${unit.id}::int, ${week}::date, 'SUBMITTED', ${actor.username}, now())
    ON CONFLICT (unit_id, week) DO UPDATE SET submitted_by = EXCLUDED.submitted_by, submitted_at = now() RETURNING id`;
  return {
    reportId: (rows[0] as { id: number }).id,
    from: existing?.status ?? "OPEN",
    result: {
      status: "SUBMITTED",
      replayed: false,
      message: `Đã gửi báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)} để cấp trên phê duyệt.`,
    },
  };
}

async function approve(tx: Db, actor: Actor, unit: UnitOnDate, week: Date): Promise<Change> {
  const existing = await lockReport(tx, unit.id, week);
  if (!existing)
    throw new LockedError(`${fullName(unit)} chưa gửi báo cáo tuần ${formatDateVi(week)}; chưa thể phê duyệt.`);
  if (existing.status === "APPROVED") {
    return {
      reportId: existing.id,
      from: "APPROVED",
      result: { status: "APPROVED", replayed: false, message: "Báo cáo đã được phê duyệt trước đó." },
    };
  }
  const pending = (await childReports(tx, unit.id, week)).filter((c) => c.status !== "APPROVED");
  if (pending.length) {
    const names = pending.slice(0, 5).map(fullName).join(", ");
    throw new LockedError(
      `Chưa thể phê duyệt ${fullName(unit)}: ${pending.length} đơn vị cấp dưới chưa được phê duyệt (${names}${pending.length > 5 ? ", …" : ""}).`,
    );
  }
  await tx.$executeRaw`
    UPDATE weekly_report SET status = 'APPROVED', approved_by = ${actor.username}, approved_at = now()
    WHERE id = ${existing.id}::int`;
  return {
    reportId: existing.id,
    from: existing.status,
    result: {
      status: "APPROVED",
      replayed: false,
      message: `Đã phê duyệt và khoá báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)}.`,
    },
  };
}

async function unlock(tx: Db, unit: UnitOnDate, week: Date): Promise<Change> {
  const existing = await lockReport(tx, unit.id, week);
  if (existing?.status !== "APPROVED")
    throw new LockedError(`Báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)} không bị khoá.`);
  if (unit.parentId !== null) {
    const parent = await tx.$queryRaw<{ status: ReportStatus }[]>`
      SELECT status FROM weekly_report WHERE unit_id = ${unit.parentId}::int AND week = ${week}::date FOR SHARE`;
    if (parent[0]?.status === "APPROVED") {
      throw new LockedError("Báo cáo của cấp trên tuần này đã được phê duyệt; mở khoá báo cáo cấp trên trước.");
    }
  }
  // Back to "submitted": the unit can correct it, and it needs approving again.
  await tx.$executeRaw`
    UPDATE weekly_report SET status = 'SUBMITTED', approved_by = NULL, approved_at = NULL WHERE id = ${existing.id}::int`;
  return {
    reportId: existing.id,
    from: "APPROVED",
    result: {
      status: "SUBMITTED",
      replayed: false,
      message: `Đã mở khoá báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)}; đơn vị có thể sửa và gửi lại.`,
    },
  };
}

/**
 * Sends a submitted report back to its unit instead of approving it: the week is open again
 * (as if never sent), so the unit corrects its figures and sends it anew; the reason stays in
 * the audit entry and the unit's entry page shows it.
 */
async function sendBack(tx: Db, unit: UnitOnDate, week: Date): Promise<Change> {
  const existing = await lockReport(tx, unit.id, week);
  if (existing?.status !== "SUBMITTED")
    throw new LockedError(
      existing?.status === "APPROVED"
        ? `Báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)} đã được phê duyệt; mở khoá trước nếu cần sửa.`
        : `${fullName(unit)} chưa gửi báo cáo tuần ${formatDateVi(week)}; không có gì để trả lại.`,
    );
  await tx.$executeRaw`DELETE FROM weekly_report WHERE id = ${existing.id}::int`;
  return {
    reportId: existing.id,
    from: "SUBMITTED",
    result: {
      status: "OPEN",
      replayed: false,
      message: `Đã trả lại báo cáo tuần ${formatDateVi(week)} của ${fullName(unit)}; đơn vị sửa số liệu rồi gửi lại.`,
    },
  };
}

/** The reports of the unit's child units in force that week (status OPEN when none). */
export async function childReports(tx: Db, unitId: number, week: Date) {
  return tx.$queryRaw<(UnitOnDate & { status: ReportStatus | "OPEN" })[]>`
    SELECT u.id, u.code, u.name, u.type, u.level, u.parent_id AS "parentId", COALESCE(r.status::text, 'OPEN') AS status
    FROM unit u LEFT JOIN weekly_report r ON r.unit_id = u.id AND r.week = ${week}::date
    WHERE u.parent_id = ${unitId}::int AND ${inForceOn("u", week)}
    ORDER BY u.code`;
}
