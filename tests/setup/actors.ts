import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

let nextId = 1000;

/** An actor of `role` working for the unit with `code` in the 2023 structure (none for national roles). */
export async function actorAt(prisma: PrismaClient, role: Role, code: string | null): Promise<Actor> {
  const unit = code ? await prisma.unit.findFirstOrThrow({ where: { code }, orderBy: { validFrom: "asc" } }) : null;
  const id = nextId++;
  return {
    id,
    username: `${role.toLowerCase()}.${code ?? "vn"}.${id}`,
    displayName: role,
    role,
    unitId: unit?.id ?? null,
  };
}

export const requestId = () => randomUUID();

/** Counts of every table a write could touch: equal before and after means nothing was written. */
export async function writeFingerprint(prisma: PrismaClient) {
  const [row] = await prisma.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM figure)::text AS figures,
            (SELECT COALESCE(sum(value::bigint * version), 0) FROM figure)::text AS figure_values,
            (SELECT count(*) FROM audit_entry)::text AS audit,
            (SELECT count(*) FROM weekly_report)::text AS reports,
            (SELECT string_agg(status::text || COALESCE(approved_by, ''), ',' ORDER BY id) FROM weekly_report) AS statuses,
            (SELECT count(*) FROM target)::text AS targets,
            (SELECT count(*) FROM request_receipt)::text AS receipts,
            (SELECT version FROM data_version)::text AS data_version`,
  );
  return row;
}
