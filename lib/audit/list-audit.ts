import "server-only";
import type { Actor } from "@/lib/access/actor";
import { authorize, inActorScope } from "@/lib/access/authorize";
import { join, sql } from "@/lib/db/sql";
import { InvalidParamError } from "@/lib/errors";
import { addDays, parseIsoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unitAndBelow } from "@/lib/units/hierarchy";
import { fullName } from "@/lib/units/units-on";

export type AuditFilter = { unit?: string; indicator?: string; user?: string; from?: string; to?: string };

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  unitCode: string;
  unitName: string;
  indicator: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
};

const LIMIT = 500;

/**
 * Changes to figures, targets and reports within the actor's scope (their unit and below),
 * newest first, filtered by unit (and its units below), indicator, user and period.
 */
export async function listAudit(
  prisma: PrismaClient,
  actor: Actor,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const where = [inActorScope(actor, "a.unit_id")];
  if (filter.unit) {
    const unit = await prisma.unit.findFirst({ where: { code: filter.unit }, orderBy: { validFrom: "desc" } });
    if (!unit) throw new InvalidParamError("unit", `Không có đơn vị mã ${filter.unit}.`);
    await authorize(prisma, actor, "audit.view", { id: unit.id, name: fullName(unit) });
    // The unit in every period it existed, and everything below it.
    where.push(sql`a.unit_id IN ${unitAndBelow(sql`code = ${filter.unit}`)}`);
  }
  if (filter.indicator) where.push(sql`i.code = ${filter.indicator}`);
  if (filter.user) where.push(sql`a.actor = ${filter.user.trim().toLowerCase()}`);
  for (const key of ["from", "to"] as const) {
    const text = filter[key];
    if (!text) continue;
    const date = parseIsoDate(text);
    if (!date) throw new InvalidParamError(key, `${key === "from" ? "Từ ngày" : "Đến ngày"} phải có dạng YYYY-MM-DD.`);
    // Vietnam time: a day starts at 00:00 UTC+7.
    where.push(
      key === "from"
        ? sql`a.at >= (${date}::date - interval '7 hours')`
        : sql`a.at < (${addDays(date, 1)}::date - interval '7 hours')`,
    );
  }
  const rows = await prisma.$queryRaw<
    {
      id: bigint;
      at: Date;
      actor: string;
      action: string;
      entity: string;
      code: string;
      type: string;
      name: string;
      indicator: string | null;
      old_value: unknown;
      new_value: unknown;
      request_id: string | null;
    }[]
  >`
    SELECT a.id, a.at, a.actor, a.action, a.entity, u.code, u.type, u.name, i.code AS indicator, a.old_value, a.new_value, a.request_id
    FROM audit_entry a JOIN unit u ON u.id = a.unit_id LEFT JOIN indicator i ON i.id = a.indicator_id
    WHERE ${join(where, " AND ")}
    ORDER BY a.at DESC, a.id DESC LIMIT ${LIMIT + 1}`;
  return {
    truncated: rows.length > LIMIT,
    rows: rows.slice(0, LIMIT).map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      unitCode: r.code,
      unitName: fullName(r),
      indicator: r.indicator,
      oldValue: r.old_value,
      newValue: r.new_value,
      requestId: r.request_id,
    })),
  };
}
