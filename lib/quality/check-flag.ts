import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { authorize } from "@/lib/access/authorize";
import { InvalidParamError, NotFoundError } from "@/lib/errors";
import { formatDateVi, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fullName, unitsOn } from "@/lib/units/units-on";
import { idempotentWrite } from "@/lib/writes/idempotent-write";
import { flagsOfUnits, flagWeek } from "./week-flags";

export const ZFlagCheck = z.object({
  week: z.string().max(20),
  key: z
    .string()
    .max(80)
    .regex(/^[a-z-]+:\d{2,5}:[A-Z0-9_]*$/, "Cảnh báo không hợp lệ."),
  note: z
    .string()
    .trim()
    .min(3, "Ghi chú kiểm tra cần ít nhất 3 ký tự.")
    .max(500, "Ghi chú kiểm tra dài nhất 500 ký tự."),
  requestId: z.uuid({ message: "requestId phải là UUID." }),
});
export type TFlagCheck = z.input<typeof ZFlagCheck>;

/**
 * Marks one of the week's flags "đã kiểm tra" with a note: the flag must exist (computed now,
 * in the actor's scope) and the actor may answer for its unit. The check and its audit entry
 * are written in one transaction; checking again replaces the note (audited with the old one).
 */
export async function checkFlag(
  prisma: PrismaClient,
  actor: Actor,
  input: TFlagCheck,
): Promise<{ key: string; note: string; replayed: boolean }> {
  const parsed = ZFlagCheck.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParamError(String(issue?.path[0] ?? "note"), issue?.message ?? "Biểu mẫu không hợp lệ.");
  }
  const { key, note, requestId } = parsed.data;
  const week = flagWeek(parsed.data.week);
  const code = key.split(":")[1] as string;
  const unit = (await unitsOn(prisma, [code], week)).get(code);
  if (!unit) throw new NotFoundError(`Không có đơn vị mã ${code} vào ngày ${formatDateVi(week)}.`);
  await authorize(prisma, actor, "quality.check", { id: unit.id, name: fullName(unit) });
  const flag = (await flagsOfUnits(prisma, actor, week, [unit.id])).find((f) => f.key === key);
  if (!flag)
    throw new NotFoundError(
      `Tuần ${formatDateVi(week)} không còn cảnh báo này cho ${fullName(unit)} (số liệu đã đổi).`,
    );

  return idempotentWrite(prisma, { actor, requestId }, async (tx) => {
    const [old] = await tx.$queryRaw<{ id: number; note: string; checked_by: string }[]>`
      SELECT id, note, checked_by FROM quality_check WHERE week = ${week}::date AND flag_key = ${key} FOR UPDATE`;
    const [row] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO quality_check (week, flag_key, unit_id, note, checked_by)
      VALUES (${week}::date, ${key}, ${unit.id}::int, ${note}, ${actor.username})
      ON CONFLICT (week, flag_key) DO UPDATE SET note = EXCLUDED.note, checked_by = EXCLUDED.checked_by, checked_at = now()
      RETURNING id`;
    return {
      outcome: { key, note, replayed: false },
      audit: [
        {
          action: old ? "update" : "create",
          entity: "quality_check",
          entityId: (row as { id: number }).id,
          unitId: unit.id,
          indicatorId: null,
          oldValue: old ? { note: old.note, by: old.checked_by } : null,
          newValue: { week: isoDate(week), flag: key, note, numbers: flag.numbers },
        },
      ],
    };
  });
}
