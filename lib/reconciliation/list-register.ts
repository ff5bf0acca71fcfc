import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { authorize, inActorScope, logDenied, roleHas } from "@/lib/access/authorize";
import type { Db } from "@/lib/db/db";
import { ForbiddenError, InvalidParamError, NotFoundError } from "@/lib/errors";
import { isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DiscrepancyStatus } from "@/lib/generated/prisma/enums";
import { idempotentWrite } from "@/lib/writes/idempotent-write";
import { detectCorrections } from "./register";

export const DISCREPANCY_STATUSES = ["OPEN", "EXPLAINED", "CORRECTED"] as const;
/** The register lists this many rows; the summary counts them all. */
export const REGISTER_SHOWN = 500;

export type RegisterRow = {
  id: number;
  unit: { code: string; name: string };
  province: string;
  indicator: { code: string; nameVi: string; nameEn: string };
  asOf: string;
  /** What the ranking uses now (the unit's value as of the date); null: nothing entered. */
  entered: number | null;
  reference: number;
  difference: number | null;
  status: DiscrepancyStatus;
  note: string | null;
  updatedBy: string;
};

export type Register = {
  rows: RegisterRow[];
  total: number;
  /** Per province (or the one province in scope): units that disagree and by how much in all. */
  provinces: { name: string; units: number; open: number; explained: number; corrected: number; gap: number }[];
};

/**
 * The discrepancy register in the actor's scope (the ministry: the country; a province: its
 * subtree), the open ones first and the largest gaps first; the corrections made since the
 * last look are detected (and audited) first.
 */
export async function listRegister(prisma: PrismaClient, actor: Actor, params: { status?: string | null }) {
  if (!roleHas(actor.role, "quality.view")) {
    logDenied(actor, "quality.view", actor.unitId);
    throw new ForbiddenError(`Tài khoản ${actor.username} không xem được sổ chênh lệch.`);
  }
  const status = params.status ? DISCREPANCY_STATUSES.find((s) => s === params.status) : undefined;
  if (params.status && !status)
    throw new InvalidParamError("status", "Trạng thái phải là OPEN, EXPLAINED hoặc CORRECTED.");
  await prisma.$transaction((tx) => detectCorrections(tx, "system"));
  return readRegister(prisma, actor, status ?? null);
}

async function readRegister(db: Db, actor: Actor, status: DiscrepancyStatus | null): Promise<Register> {
  const rows = await db.$queryRaw<
    {
      id: number;
      code: string;
      type: string;
      name: string;
      province: string;
      indicator: string;
      name_vi: string;
      name_en: string;
      as_of: Date;
      entered: bigint | null;
      reference: number;
      status: DiscrepancyStatus;
      note: string | null;
      updated_by: string;
    }[]
  >`
    WITH RECURSIVE mine AS (SELECT d.* FROM discrepancy d WHERE ${inActorScope(actor, "d.unit_id")}),
    up AS (
      SELECT m.id AS did, u.id, u.parent_id, u.type, u.name FROM mine m JOIN unit u ON u.id = m.unit_id
      UNION ALL SELECT up.did, p.id, p.parent_id, p.type, p.name FROM up JOIN unit p ON p.id = up.parent_id
    )
    SELECT m.id, u.code, u.type, u.name, (SELECT up.type || ' ' || up.name FROM up WHERE up.did = m.id AND up.parent_id IS NULL) AS province,
           i.code AS indicator, i.name_vi, i.name_en, m.as_of, m.reference, m.status, m.note, m.updated_by,
           (SELECT s.value FROM unit_series s WHERE s.indicator_id = m.indicator_id AND s.unit_id = m.unit_id
              AND s.as_of <= m.as_of ORDER BY s.as_of DESC LIMIT 1) AS entered
    FROM mine m JOIN unit u ON u.id = m.unit_id JOIN indicator i ON i.id = m.indicator_id
    ORDER BY m.status, m.as_of DESC, u.code`;
  const all = rows.map((r): RegisterRow => {
    const entered = r.entered === null ? null : Number(r.entered);
    return {
      id: r.id,
      unit: { code: r.code, name: `${r.type} ${r.name}` },
      province: r.province,
      indicator: { code: r.indicator, nameVi: r.name_vi, nameEn: r.name_en },
      asOf: isoDate(r.as_of),
      entered,
      reference: r.reference,
      difference: entered === null ? null : entered - r.reference,
      status: r.status,
      note: r.note,
      updatedBy: r.updated_by,
    };
  });
  const provinces = new Map<string, Register["provinces"][number] & { unitSet: Set<string> }>();
  for (const r of all) {
    const p = provinces.get(r.province) ?? {
      name: r.province,
      units: 0,
      open: 0,
      explained: 0,
      corrected: 0,
      gap: 0,
      unitSet: new Set<string>(),
    };
    if (r.status !== "CORRECTED") {
      p.unitSet.add(r.unit.code);
      p.gap += Math.abs(r.difference ?? r.reference);
    }
    p[r.status === "OPEN" ? "open" : r.status === "EXPLAINED" ? "explained" : "corrected"]++;
    provinces.set(r.province, p);
  }
  const shown = all.filter((r) => !status || r.status === status);
  return {
    rows: shown.slice(0, REGISTER_SHOWN),
    total: shown.length,
    provinces: [...provinces.values()]
      .map(({ unitSet, ...p }) => ({ ...p, units: unitSet.size }))
      .sort((a, b) => b.units - a.units || a.name.localeCompare(b.name)),
  };
}

export const ZExplain = z.object({
  id: z.number().int().positive(),
  note: z.string().trim().min(3, "Giải trình cần ít nhất 3 ký tự.").max(500, "Giải trình dài nhất 500 ký tự."),
  requestId: z.uuid({ message: "requestId phải là UUID." }),
});

/** Explains an open discrepancy with a note (the figures stay as they are), audited. */
export async function explainDiscrepancy(prisma: PrismaClient, actor: Actor, input: z.input<typeof ZExplain>) {
  const parsed = ZExplain.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParamError(String(issue?.path[0] ?? "note"), issue?.message ?? "Biểu mẫu không hợp lệ.");
  }
  const { id, note, requestId } = parsed.data;
  const found = await prisma.discrepancy.findUnique({ where: { id }, include: { unit: true } });
  if (!found) throw new NotFoundError(`Không có chênh lệch số ${id}.`);
  await authorize(prisma, actor, "quality.check", { id: found.unitId, name: `${found.unit.type} ${found.unit.name}` });
  if (found.status === "CORRECTED")
    throw new InvalidParamError("id", "Chênh lệch này đã được sửa, không cần giải trình.");
  return idempotentWrite(prisma, { actor, requestId }, async (tx) => {
    await tx.$executeRaw`
      UPDATE discrepancy SET status = 'EXPLAINED', note = ${note}, updated_by = ${actor.username}, updated_at = now()
      WHERE id = ${id}::int`;
    return {
      outcome: { id, status: "EXPLAINED" as const, replayed: false },
      audit: [
        {
          action: "explain",
          entity: "discrepancy",
          entityId: id,
          unitId: found.unitId,
          indicatorId: found.indicatorId,
          oldValue: { status: found.status, note: found.note },
          newValue: { status: "EXPLAINED", note },
        },
      ],
    };
  });
}
