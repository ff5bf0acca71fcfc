import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { authorizeAll } from "@/lib/access/authorize";
import { firstIssue } from "@/lib/entry/entry-input";
import { claimRequest, recordResponse } from "@/lib/entry/request-receipt";
import { retryOnDeadlock } from "@/lib/entry/retry";
import { InvalidParamError } from "@/lib/errors";
import { formatDateVi, isoDate, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bumpDataVersion } from "@/lib/series/data-version";
import { fullName, unitsOn } from "@/lib/units/units-on";
import { UPSERT_TARGETS_WITH_AUDIT } from "./import-targets";
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
  requestId: z.uuid("requestId phải là một UUID."),
  indicator: z.string().regex(/^[A-Z0-9_]{1,40}$/, "Mã chỉ tiêu không hợp lệ."),
  deadline: ZDate,
  directive: z.string().trim().min(1, "Ghi số hiệu văn bản giao chỉ tiêu (ví dụ Điện số 16/HT).").max(300),
  entries: z
    .array(
      z.object({
        unit: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, "Mã đơn vị gồm 2, 3 hoặc 5 chữ số."),
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

class Conflicts extends Error {
  constructor(readonly conflicts: TargetConflict[]) {
    super("conflict");
  }
}

/** Advisory-lock namespace for "assigning a target to this unit". */
const TARGET_LOCK = 6_0002;

/**
 * A parent assigns targets to units below it, effective today, with a deadline and the
 * directive they come from. Each entry names the target the user saw in force: if someone
 * assigned another since, nothing is written and the conflicts are returned. Targets and
 * their audit entries are written in one transaction; a replayed request changes nothing.
 */
export async function assignTargets(prisma: PrismaClient, actor: Actor, raw: unknown): Promise<AssignOutcome> {
  const parsed = ZAssignTargets.safeParse(raw);
  if (!parsed.success) {
    const { param, message } = firstIssue(parsed.error);
    throw new InvalidParamError(param, message);
  }
  const { requestId, indicator: indicatorCode, deadline, directive, entries } = parsed.data;
  const today = todayInVietnam();
  if (deadline < today) {
    throw new InvalidParamError("deadline", `Hạn hoàn thành ${formatDateVi(deadline)} đã qua; chọn ngày từ hôm nay.`);
  }
  const indicator = await prisma.indicator.findUnique({ where: { code: indicatorCode } });
  if (!indicator) throw new InvalidParamError("indicator", `Không có chỉ tiêu ${indicatorCode}.`);
  const units = await unitsOn(
    prisma,
    entries.map((e) => e.unit),
    today,
  );
  const seen = new Set<string>();
  const resolved = entries.map((e, i) => {
    const unit = units.get(e.unit);
    if (!unit) throw new InvalidParamError(`entries.${i}.unit`, `Không có đơn vị mã ${e.unit} đang có hiệu lực.`);
    if (seen.has(e.unit)) throw new InvalidParamError(`entries.${i}.unit`, `Đơn vị ${e.unit} được gửi hai lần.`);
    seen.add(e.unit);
    return { ...e, unitId: unit.id, unitName: fullName(unit) };
  });
  await authorizeAll(
    prisma,
    actor,
    "target.assign",
    [...units.values()].map((u) => ({ id: u.id, name: fullName(u) })),
  );

  try {
    return await retryOnDeadlock(() =>
      prisma.$transaction(
        async (tx) => {
          const earlier = await claimRequest<AssignOutcome>(tx, requestId, actor.id);
          if (earlier) return { ...earlier, replayed: true } as AssignOutcome;
          const ids = resolved.map((e) => e.unitId).sort((a, b) => a - b);
          // Serializes assignments per unit, also when none had a target yet (no row to lock).
          await tx.$queryRawUnsafe(
            `SELECT pg_advisory_xact_lock(${TARGET_LOCK}, id)::text FROM unnest($1::int[]) AS id`,
            ids,
          );
          const current = await targetsInForce(tx, ids, indicator.id, today);
          const conflicts = resolved.flatMap((e) => {
            const now = current.get(e.unitId) ?? null;
            const same =
              now === null ? e.basedOn === null : e.basedOn?.id === now.id && e.basedOn.version === now.version;
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
          if (conflicts.length) throw new Conflicts(conflicts);
          // Unchanged entries (same value, deadline and directive as in force) are not re-assigned.
          const changed = resolved.filter((e) => {
            const now = current.get(e.unitId);
            return !now || now.value !== e.value || now.directive !== directive || now.deadline !== isoDate(deadline);
          });
          let created = 0;
          let updated = 0;
          if (changed.length) {
            const written = await tx.$queryRawUnsafe<{ action: string; n: bigint }[]>(
              UPSERT_TARGETS_WITH_AUDIT,
              changed.map((e) => e.unitId),
              changed.map(() => indicator.id),
              changed.map((e) => e.value),
              changed.map(() => deadline),
              changed.map(() => directive),
              changed.map(() => today),
              actor.username,
              requestId,
            );
            for (const w of written) {
              if (w.action === "create") created = Number(w.n);
              else updated = Number(w.n);
            }
            await bumpDataVersion(tx);
          }
          const outcome: AssignOutcome = {
            status: "saved",
            replayed: false,
            created,
            updated,
            unchanged: resolved.length - created - updated,
          };
          await recordResponse(tx, requestId, outcome);
          return outcome;
        },
        { timeout: 60_000, maxWait: 30_000 },
      ),
    );
  } catch (error) {
    if (error instanceof Conflicts) return { status: "conflict", conflicts: error.conflicts };
    throw error;
  }
}
