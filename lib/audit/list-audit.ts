import "server-only";
import type { Actor } from "@/lib/access/actor";
import { authorize, inActorScope } from "@/lib/access/authorize";
import { join, type Sql, sql } from "@/lib/db/sql";
import { InvalidParamError } from "@/lib/errors";
import { addDays, parseTypedDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unitAndBelow } from "@/lib/units/hierarchy";
import { fullName } from "@/lib/units/units-on";

/** What a change is: a hand edit (figures, targets, reports), a file or bulk load, or administration. */
export const AUDIT_KINDS = ["entry", "import", "admin"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export type AuditFilter = {
  unit?: string;
  indicator?: string;
  user?: string;
  from?: string;
  to?: string;
  kind?: string;
  /** 1-based. */
  page?: string;
};

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  kind: AuditKind;
  unitCode: string | null;
  unitName: string | null;
  indicator: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
};

export type AuditPage = {
  rows: AuditRow[];
  page: number;
  pageSize: number;
  /** Changes matching the filter, counted up to COUNT_CAP (then `totalCapped`). */
  total: number;
  totalCapped: boolean;
};

export const AUDIT_PAGE_SIZE = 50;
/** Counting and paging stop here, so a national log of millions of changes costs a bounded read. */
const COUNT_CAP = 10_000;
export const AUDIT_MAX_PAGE = COUNT_CAP / AUDIT_PAGE_SIZE;

/**
 * The kind of a change, as SQL on audit_entry `a`: accounts, indicators and published editions are administration;
 * figures and targets that name a source other than the entry form (a web upload, a CLI file,
 * a target file, demo data) were imported; the rest was done by hand.
 */
const ADMIN = sql`(a.entity IN ('indicator', 'user', 'publication'))`;
const FROM_FILE = sql`(COALESCE(a.new_value->>'source', 'entry') <> 'entry')`;
const KIND_SQL = sql`CASE WHEN ${ADMIN} THEN 'admin' WHEN ${FROM_FILE} THEN 'import' ELSE 'entry' END`;
/** The same rule as conditions a filter can use (plain columns, not the CASE). */
const KIND_WHERE: Record<AuditKind, Sql> = {
  admin: ADMIN,
  import: sql`NOT ${ADMIN} AND ${FROM_FILE}`,
  entry: sql`NOT ${ADMIN} AND NOT ${FROM_FILE}`,
};

/**
 * Changes to figures, targets, reports, accounts and indicators within the actor's scope
 * (their unit and below; changes concerning no unit only for the national scope), newest
 * first, a page at a time, filtered by unit (and its units below), indicator, user, period
 * and kind.
 */
export async function listAudit(prisma: PrismaClient, actor: Actor, filter: AuditFilter): Promise<AuditPage> {
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
  if (filter.kind) {
    if (!(AUDIT_KINDS as readonly string[]).includes(filter.kind))
      throw new InvalidParamError("kind", "Loại thay đổi phải là entry, import hoặc admin.");
    where.push(KIND_WHERE[filter.kind as AuditKind]);
  }
  const page = filter.page ? Number(filter.page) : 1;
  if (!Number.isInteger(page) || page < 1 || page > AUDIT_MAX_PAGE)
    throw new InvalidParamError(
      "page",
      `Trang phải là số từ 1 đến ${AUDIT_MAX_PAGE}; thu hẹp bộ lọc để xem thay đổi cũ hơn.`,
    );
  for (const key of ["from", "to"] as const) {
    const text = filter[key];
    if (!text) continue;
    const date = parseTypedDate(text);
    if (!date)
      throw new InvalidParamError(
        key,
        `${key === "from" ? "Từ ngày" : "Đến ngày"} phải có dạng dd/mm/yyyy (ví dụ 06/12/2026).`,
      );
    // Vietnam time: a day starts at 00:00 UTC+7.
    where.push(
      key === "from"
        ? sql`a.at >= (${date}::date - interval '7 hours')`
        : sql`a.at < (${addDays(date, 1)}::date - interval '7 hours')`,
    );
  }
  const from = sql`FROM audit_entry a LEFT JOIN unit u ON u.id = a.unit_id LEFT JOIN indicator i ON i.id = a.indicator_id
    WHERE ${join(where, " AND ")}`;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<
      {
        id: bigint;
        at: Date;
        actor: string;
        action: string;
        entity: string;
        kind: AuditKind;
        code: string | null;
        type: string | null;
        name: string | null;
        indicator: string | null;
        old_value: unknown;
        new_value: unknown;
        request_id: string | null;
      }[]
    >`
    SELECT a.id, a.at, a.actor, a.action, a.entity, ${KIND_SQL} AS kind, u.code, u.type, u.name, i.code AS indicator,
           a.old_value, a.new_value, a.request_id
    ${from}
    ORDER BY a.at DESC, a.id DESC LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) AS matching`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  return {
    page,
    pageSize: AUDIT_PAGE_SIZE,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    rows: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      kind: r.kind,
      unitCode: r.code,
      unitName: r.code ? fullName({ type: r.type ?? "", name: r.name ?? "" }) : null,
      indicator: r.indicator,
      oldValue: r.old_value,
      newValue: r.new_value,
      requestId: r.request_id,
    })),
  };
}
