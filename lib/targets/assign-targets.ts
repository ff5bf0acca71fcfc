import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { unitsToWrite } from "@/lib/access/units-to-write";
import { ZRequestId } from "@/lib/entry/entry-input";
import { InvalidParamError } from "@/lib/errors";
import { formatDateVi, isoDate, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeTargets } from "@/lib/imports/import-targets";
import { isCount } from "@/lib/indicators/indicator-kinds";
import { ZIndicatorCode } from "@/lib/indicators/indicators";
import { ZUnitCode } from "@/lib/units/codes";
import { idempotentWrite, parseInput, RefusedWrite } from "@/lib/writes/idempotent-write";
import { targetsInForce } from "./target-sheet";

const ZDate = z.string().transform((text, ctx) => {
  const date = parseIsoDate(text);
  if (!date) {
    ctx.addIssue({ code: "custom", message: "Hạn hoàn thành phải là ngày dạng YYYY-MM-DD." });
    return z.NEVER;
  }
  return date;
});

export const ZAssignTargets = z.object({
  requestId: ZRequestId,
  indicator: ZIndicatorCode,
  deadline: ZDate,
  directive: z.string().trim().min(1, "Ghi số hiệu văn bản giao chỉ tiêu (ví dụ Điện số 16/HT).").max(300),
  entries: z
    .array(
      z.object({
        unit: ZUnitCode,
        value: z
          .number("Chỉ tiêu phải là số.")
          .int("Chỉ tiêu phải là số nguyên.")
          .min(1, "Chỉ tiêu phải lớn hơn 0.")
          .max(2_147_483_647, "Chỉ tiêu quá lớn."),
        /** The target the user saw in force (id and version), or null when there was none. */
        basedOn: z.object({ id: z.number().int().min(1), version: z.number().int().min(1) }).nullable(),
      }),
    )
    .min(1, "Không có chỉ tiêu nào để giao.")
    .max(5000, "Mỗi lần giao tối đa 5.000 đơn vị."),
});

export type AssignTargetsInput = z.input<typeof ZAssignTargets>;

export type TargetConflict = {
  unit: string;
  unitName: string;
  yours: number;
  current: number | null;
  assignedOn: string | null;
};
export type AssignOutcome =
  | { status: "saved"; replayed: boolean; created: number; updated: number; unchanged: number }
  | { status: "conflict"; conflicts: TargetConflict[] };

/** Advisory-lock namespace for "assigning a target to this unit". */
const TARGET_LOCK = 6_0002;

/**
 * A parent assigns targets to units below it, effective today, with a deadline and the
 * directive they come from. Each entry names the target the user saw in force: if someone
 * assigned another since, nothing is written and the conflicts are returned. Targets and
 * their audit entries are written in one transaction; a replayed request changes nothing.
 */
export async function assignTargets(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<AssignOutcome> {
  const { requestId, indicator: indicatorCode, deadline, directive, entries } = parseInput(ZAssignTargets, raw);
  const today = todayInVietnam();
  if (deadline < today) {
    throw new InvalidParamError("deadline", `Hạn hoàn thành ${formatDateVi(deadline)} đã qua; chọn ngày từ hôm nay.`);
  }
  const indicator = await prisma.indicator.findUnique({ where: { code: indicatorCode } });
  if (!indicator) throw new InvalidParamError("indicator", `Không có chỉ tiêu ${indicatorCode}.`);
  // This sheet assigns counts; a share target (80 %) comes in a targets file, in percent.
  if (!isCount(indicator.kind))
    throw new InvalidParamError(
      "indicator",
      `${indicatorCode} là chỉ tiêu tỷ lệ hoặc bộ chỉ số: giao tỷ lệ (%) bằng tệp chỉ tiêu (cột target, ví dụ 80 hoặc 80,5).`,
    );
  const units = await unitsToWrite(
    prisma,
    actor,
    "target.assign",
    entries.map((e) => e.unit),
    today,
    (code) => `Không có đơn vị mã ${code} đang có hiệu lực.`,
  );
  const seen = new Set<string>();
  const resolved = entries.map((e, i) => {
    const unit = units[i] as (typeof units)[number];
    if (seen.has(e.unit)) throw new InvalidParamError(`entries.${i}.unit`, `Đơn vị ${e.unit} được gửi hai lần.`);
    seen.add(e.unit);
    return { ...e, unitId: unit.id, unitName: unit.fullName };
  });

  return idempotentWrite<AssignOutcome>(prisma, { actor, requestId }, async (tx) => {
    const ids = resolved.map((e) => e.unitId).sort((a, b) => a - b);
    // Serializes assignments per unit, also when none had a target yet (no row to lock).
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${TARGET_LOCK}::int, id)::text FROM unnest(${ids}::int[]) AS id`;
    const current = await targetsInForce(tx, ids, indicator.id, today);
    const conflicts = resolved.flatMap((e) => {
      const now = current.get(e.unitId) ?? null;
      const same = now === null ? e.basedOn === null : e.basedOn?.id === now.id && e.basedOn.version === now.version;
      return same
        ? []
        : [
            {
              unit: e.unit,
              unitName: e.unitName,
              yours: e.value,
              current: now?.value ?? null,
              assignedOn: now?.assignedOn ?? null,
            },
          ];
    });
    if (conflicts.length) throw new RefusedWrite<AssignOutcome>({ status: "conflict", conflicts });
    // Unchanged entries (same value, deadline and directive as in force) are not re-assigned.
    const changed = resolved.filter((e) => {
      const now = current.get(e.unitId);
      return !now || now.value !== e.value || now.directive !== directive || now.deadline !== isoDate(deadline);
    });
    let created = 0;
    let updated = 0;
    if (changed.length) {
      const written = await writeTargets(
        tx,
        changed.map((e) => ({
          unitId: e.unitId,
          indicatorId: indicator.id,
          value: e.value,
          deadline,
          directive,
          assignedOn: today,
        })),
        { actor: actor.username, requestId },
      );
      for (const w of written) {
        if (w.action === "create") created = Number(w.n);
        else updated = Number(w.n);
      }
    }
    const unchanged = resolved.length - created - updated;
    return {
      outcome: { status: "saved", replayed: false, created, updated, unchanged },
      dataChanged: changed.length > 0,
    };
  });
}
