import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { roleHas } from "@/lib/access/authorize";
import { writeAudit } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import { ForbiddenError, InvalidParamError, NotFoundError } from "@/lib/errors";
import { isoDate, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isEntered } from "@/lib/indicators/indicator-kinds";
import { ZIndicatorCode } from "@/lib/indicators/indicators";
import { refreshEveryBasis } from "@/lib/series/refresh-series";
import {
  checkedBands,
  checkedComponents,
  knownIndicators,
  ZBands,
  ZComponents,
  ZName,
  ZWeek,
} from "./define-indicator";

// An indicator's code and kind never change: figures, targets, files and links name them.
// What may change is what people read (names), a scorecard's make-up and bands, and the week
// an entered indicator is first asked for. Each change is audited with what it replaced.

const ZEdit = z.object({
  code: ZIndicatorCode,
  nameVi: ZName,
  nameEn: z.string().trim().max(200, "Tên tiếng Anh tối đa 200 ký tự.").optional(),
  components: ZComponents.optional(),
  bands: ZBands.optional(),
  enteredFrom: ZWeek.nullable().optional(),
});
export type IndicatorEdit = z.input<typeof ZEdit>;

const ZRetire = z.object({
  code: ZIndicatorCode,
  reason: z
    .string()
    .trim()
    .min(5, "Cần ghi lý do ngừng sử dụng (ít nhất 5 ký tự).")
    .max(500, "Lý do tối đa 500 ký tự.")
    .refine((v) => !/\p{Cc}/u.test(v), "Lý do không được chứa ký tự điều khiển."),
});

function parsed<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidParamError(String(issue?.path[0] ?? "indicator"), issue?.message ?? "Dữ liệu không hợp lệ.");
}

function requireAdmin(actor: Actor): void {
  if (!roleHas(actor.role, "indicator.define"))
    throw new ForbiddenError("Chỉ quản trị Bộ Công an (C06) được sửa hoặc ngừng sử dụng chỉ tiêu.");
}

async function loadIndicator(prisma: PrismaClient, code: string) {
  const found = await prisma.indicator.findUnique({
    where: { code },
    include: { components: { include: { component: true }, orderBy: { sortOrder: "asc" } } },
  });
  if (!found) throw new NotFoundError(`Không có chỉ tiêu mã ${code}.`);
  return found;
}

const day = (d: Date | null) => (d ? isoDate(d) : null);

/** Edits an indicator's names, a scorecard's components and bands, or its first week; audited before → after. */
export async function editIndicator(
  prisma: PrismaClient,
  actor: Actor,
  raw: unknown,
  requestId: string | null = null,
): Promise<{ code: string; changed: string[] }> {
  requireAdmin(actor);
  const edit = parsed(ZEdit, raw);
  const current = await loadIndicator(prisma, edit.code);
  const composite = current.kind === "COMPOSITE";
  if (!composite && (edit.components || edit.bands))
    throw new InvalidParamError("components", "Chỉ bộ chỉ số mới có thành phần và ngưỡng xếp loại.");
  if (!isEntered(current.kind) && edit.enteredFrom)
    throw new InvalidParamError("enteredFrom", "Chỉ tiêu tính từ chỉ tiêu khác không có tuần bắt đầu nhập.");
  const known = await knownIndicators(prisma);
  const components = composite && edit.components ? checkedComponents(known, edit.components) : null;
  if (components?.some((c) => c.id === current.id))
    throw new InvalidParamError("components", "Bộ chỉ số không là thành phần của chính nó.");
  const bands = composite && edit.bands ? checkedBands(edit.bands) : null;

  const before = {
    nameVi: current.nameVi,
    nameEn: current.nameEn,
    ...(composite
      ? {
          components: current.components.map((c) => `${c.component.code}:${Number(c.weight)}`),
          bands: current.bands.map(Number),
        }
      : {}),
    ...(isEntered(current.kind) ? { enteredFrom: day(current.enteredFrom) } : {}),
  };
  const after = {
    nameVi: edit.nameVi,
    nameEn: edit.nameEn || edit.nameVi,
    ...(composite
      ? {
          components: components ? components.map((c) => `${c.code}:${c.weight}`) : before.components,
          bands: bands ?? before.bands,
        }
      : {}),
    ...(isEntered(current.kind)
      ? { enteredFrom: edit.enteredFrom === undefined ? before.enteredFrom : day(edit.enteredFrom) }
      : {}),
  };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (changed.length === 0) return { code: current.code, changed };
  const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]]));
  const rescore = changed.includes("components");

  await prisma.$transaction(
    async (tx) => {
      await tx.indicator.update({
        where: { id: current.id },
        data: {
          nameVi: after.nameVi,
          nameEn: after.nameEn,
          ...(bands ? { bands } : {}),
          ...(edit.enteredFrom !== undefined && isEntered(current.kind) ? { enteredFrom: edit.enteredFrom } : {}),
        },
      });
      if (components && rescore) {
        await tx.indicatorComponent.deleteMany({ where: { compositeId: current.id } });
        await tx.indicatorComponent.createMany({
          data: components.map((c, i) => ({
            compositeId: current.id,
            componentId: c.id,
            weight: c.weight,
            sortOrder: i,
          })),
        });
      }
      await writeAudit(tx, { actor: actor.username, requestId }, [
        {
          action: "edit",
          entity: "indicator",
          entityId: current.id,
          unitId: null,
          indicatorId: current.id,
          oldValue: { code: current.code, ...pick(before) },
          newValue: { code: current.code, ...pick(after) },
        },
      ]);
      // New components or weights change every score of its history, as when it was defined.
      if (rescore) {
        const units = await tx.unit.findMany({ select: { id: true } });
        await refreshEveryBasis(tx, { unitIds: units.map((u) => u.id), indicatorIds: [current.id] });
      }
      await bumpDataVersion(tx);
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return { code: current.code, changed };
}

/**
 * Retires an indicator from today (no longer entered nor listed; its figures, targets and
 * rankings stay), with the reason, or restores it. Refused while an indicator in use is
 * computed from it: retire the scorecard or ratio first.
 */
export async function retireIndicator(
  prisma: PrismaClient,
  actor: Actor,
  raw: unknown,
  requestId: string | null = null,
): Promise<{ code: string; retiredOn: string }> {
  requireAdmin(actor);
  const { code, reason } = parsed(ZRetire, raw);
  const current = await loadIndicator(prisma, code);
  if (current.retiredOn) throw new InvalidParamError("code", `Chỉ tiêu ${code} đã ngừng sử dụng từ trước.`);
  const users = await prisma.indicator.findMany({
    where: {
      retiredOn: null,
      OR: [
        { numeratorId: current.id },
        { denominatorId: current.id },
        { components: { some: { componentId: current.id } } },
      ],
    },
    select: { code: true },
  });
  if (users.length)
    throw new InvalidParamError(
      "code",
      `${code} còn được dùng để tính ${users.map((u) => u.code).join(", ")}: ngừng sử dụng các chỉ tiêu đó trước.`,
    );
  if ((await prisma.indicator.count({ where: { retiredOn: null } })) <= 1)
    throw new InvalidParamError("code", "Cần giữ ít nhất một chỉ tiêu đang sử dụng.");
  const today = todayInVietnam();
  await prisma.$transaction(async (tx) => {
    // Only if still in use: another admin may have retired it since it was read.
    const done = await tx.indicator.updateMany({
      where: { id: current.id, retiredOn: null },
      data: { retiredOn: today, retiredReason: reason },
    });
    if (done.count === 0) throw new InvalidParamError("code", `Chỉ tiêu ${code} đã ngừng sử dụng từ trước.`);
    await writeAudit(tx, { actor: actor.username, requestId }, [
      {
        action: "retire",
        entity: "indicator",
        entityId: current.id,
        unitId: null,
        indicatorId: current.id,
        oldValue: { code, retiredOn: null },
        newValue: { code, retiredOn: isoDate(today), reason },
      },
    ]);
    await bumpDataVersion(tx);
  });
  return { code, retiredOn: isoDate(today) };
}

/** Puts a retired indicator back in use (the admin's undo), audited. */
export async function restoreIndicator(
  prisma: PrismaClient,
  actor: Actor,
  raw: unknown,
  requestId: string | null = null,
): Promise<{ code: string }> {
  requireAdmin(actor);
  const { code } = parsed(z.object({ code: ZIndicatorCode }), raw);
  const current = await loadIndicator(prisma, code);
  if (!current.retiredOn) throw new InvalidParamError("code", `Chỉ tiêu ${code} đang được sử dụng.`);
  await prisma.$transaction(async (tx) => {
    const done = await tx.indicator.updateMany({
      where: { id: current.id, retiredOn: { not: null } },
      data: { retiredOn: null, retiredReason: null },
    });
    if (done.count === 0) throw new InvalidParamError("code", `Chỉ tiêu ${code} đang được sử dụng.`);
    await writeAudit(tx, { actor: actor.username, requestId }, [
      {
        action: "restore",
        entity: "indicator",
        entityId: current.id,
        unitId: null,
        indicatorId: current.id,
        oldValue: { code, retiredOn: day(current.retiredOn), reason: current.retiredReason },
        newValue: { code, retiredOn: null },
      },
    ]);
    await bumpDataVersion(tx);
  });
  return { code };
}
