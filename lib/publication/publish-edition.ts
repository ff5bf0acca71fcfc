import "server-only";
import type { Actor } from "@/lib/access/actor";
import { logDenied, roleHas } from "@/lib/access/authorize";
import { approveSetting, type DueSettings, latestDueWeek } from "@/lib/calendar/due-times";
import type { Db } from "@/lib/db/db";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { formatDateVi, isoDate, parseIsoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { idempotentWrite } from "@/lib/writes/idempotent-write";
import { type Correction, pendingCorrections } from "./corrections";
import { contentHash, type EditionRanking, editionContents } from "./edition-contents";

export type PublishOutcome = {
  /** The edition now naming the week: the new one, or the latest when nothing changed. */
  number: number;
  week: string;
  created: boolean;
  corrections: number;
  replayed: boolean;
  message: string;
};

/**
 * The week an edition is published for when none is named: the latest week whose ministry
 * approval time has passed (REPORT_DUE_MINISTRY), the moment provinces' reports are final.
 */
export function dueEditionWeek(settings: DueSettings, now: Date = new Date()): Date {
  return latestDueWeek(approveSetting(null, settings), now);
}

/**
 * Publishes the week's official ranking as the next numbered edition: every ranking is
 * computed first (outside the transaction), then, under one lock, compared with the week's
 * latest edition. A new edition is written only when its rankings differ or there are
 * corrections to announce (a figure of a week already published changed since the last
 * edition); otherwise the latest one stands. Written with its corrections and its audit entry
 * in one transaction; nothing may change it afterwards (the database refuses).
 */
export async function publishEdition(
  prisma: PrismaClient,
  actor: Actor,
  input: { requestId: string; week?: string },
  settings: DueSettings,
  now: Date = new Date(),
): Promise<PublishOutcome> {
  if (!roleHas(actor.role, "edition.publish") || actor.unitId !== null) {
    logDenied(actor, "edition.publish", null);
    throw new ForbiddenError("Chỉ quản trị Bộ Công an (C06) được công bố bảng xếp hạng chính thức.");
  }
  const week = input.week === undefined ? dueEditionWeek(settings, now) : parseWeek(input.week, now);
  // Nothing written since the week's latest edition (its data version still stands): nothing to
  // compute either, so the hourly run costs one read when nothing changed.
  const unchanged = await unchangedEdition(prisma, week);
  if (unchanged) return unchanged;
  // Corrections are read up to the last change made before the rankings are computed, so every
  // change they announce is in the rankings; a later one is announced by the next edition.
  const upto = (await prisma.$queryRaw<{ id: bigint }[]>`SELECT COALESCE(max(id), 0) AS id FROM audit_entry`)[0]
    ?.id as bigint;
  const rankings = await editionContents(prisma, week);
  if (!rankings.length) throw new InvalidParamError("week", `Tuần ${formatDateVi(week)} chưa có gì để xếp hạng.`);
  const hash = contentHash(rankings);

  return idempotentWrite<PublishOutcome>(prisma, { actor, requestId: input.requestId }, async (tx) => {
    // One publisher at a time: numbers follow each other and a week is compared with its latest.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('publication'))`;
    const [last] = await tx.$queryRaw<{ number: number | null; auditUpto: bigint | null; weekMax: Date | null }[]>`
      SELECT max(number) AS number, max(audit_upto) AS "auditUpto", max(week) AS "weekMax" FROM publication`;
    const [sameWeek] = await tx.$queryRaw<{ number: number; contentHash: string }[]>`
      SELECT number, content_hash AS "contentHash" FROM publication WHERE week = ${week}::date ORDER BY number DESC LIMIT 1`;
    const after = last?.auditUpto ?? 0n;
    const readUpTo = upto > after ? upto : after;
    const corrections = await pendingCorrections(tx, { after, upto: readUpTo, publishedUpTo: last?.weekMax ?? null });
    if (sameWeek && sameWeek.contentHash === hash && !corrections.length)
      return { outcome: unchangedOutcome(sameWeek.number, week) };
    const number = (last?.number ?? 0) + 1;
    const id = await writeEdition(tx, { number, week, actor: actor.username, hash, upto: readUpTo }, rankings);
    await writeCorrections(tx, id, corrections);
    return {
      outcome: {
        number,
        week: isoDate(week),
        created: true,
        corrections: corrections.length,
        replayed: false,
        message: `Đã công bố bản số ${number}: bảng xếp hạng tuần ${formatDateVi(week)}${corrections.length ? `, kèm ${corrections.length} đính chính` : ""}.`,
      },
      audit: [
        {
          action: "publish",
          entity: "publication",
          entityId: id,
          unitId: null,
          indicatorId: null,
          oldValue: null,
          newValue: { number, week: isoDate(week), rankings: rankings.length, corrections: corrections.length },
        },
      ],
      dataChanged: true,
    };
  });
}

function unchangedOutcome(number: number, week: Date): PublishOutcome {
  return {
    number,
    week: isoDate(week),
    created: false,
    corrections: 0,
    replayed: false,
    message: `Bảng xếp hạng tuần ${formatDateVi(week)} không thay đổi từ bản công bố số ${number}; không tạo bản mới.`,
  };
}

/** The week's latest edition when the data version it was read at is still the current one. */
async function unchangedEdition(db: Db, week: Date): Promise<PublishOutcome | null> {
  const [row] = await db.$queryRaw<{ number: number }[]>`
    SELECT p.number FROM publication p
    WHERE p.week = ${week}::date
      AND p.data_version = COALESCE((SELECT version FROM data_version WHERE id = 1), 0)
      AND p.number = (SELECT max(number) FROM publication WHERE week = ${week}::date)`;
  return row ? unchangedOutcome(row.number, week) : null;
}

function parseWeek(text: string, now: Date): Date {
  const week = parseIsoDate(text);
  if (week?.getUTCDay() !== 0)
    throw new InvalidParamError("week", "Tuần công bố được ghi bằng ngày Chủ nhật cuối tuần, dạng YYYY-MM-DD.");
  if (week > sundayOnOrBefore(todayInVietnam(now)))
    throw new InvalidParamError("week", `Tuần kết thúc ngày ${formatDateVi(week)} chưa kết thúc.`);
  return week;
}

async function writeEdition(
  tx: Db,
  edition: { number: number; week: Date; actor: string; hash: string; upto: bigint },
  rankings: EditionRanking[],
): Promise<number> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO publication (number, week, published_by, content_hash, audit_upto, data_version)
    VALUES (${edition.number}::int, ${edition.week}::date, ${edition.actor}, ${edition.hash}, ${edition.upto}::bigint,
      -- What the data version becomes when this transaction ends (idempotentWrite bumps it once, last);
      -- should another write bump it first, the two never match and the next publish just compares.
      COALESCE((SELECT version FROM data_version WHERE id = 1), 0) + 1)
    RETURNING id`;
  const id = (row as { id: number }).id;
  for (const { indicator, level, parent, ranking } of rankings) {
    const { items, ...header } = ranking;
    await tx.$executeRaw`
      INSERT INTO publication_ranking (publication_id, indicator, level, parent, header)
      VALUES (${id}::int, ${indicator}, ${level}, ${parent}, ${JSON.stringify(header)}::jsonb)`;
    await tx.$executeRaw`
      INSERT INTO publication_item (publication_id, indicator, level, parent, position, code, rank, item)
      SELECT ${id}::int, ${indicator}, ${level}, ${parent}, t.ord::int, t.x->>'code', (t.x->>'rank')::int, t.x
      FROM jsonb_array_elements(${JSON.stringify(items)}::jsonb) WITH ORDINALITY AS t(x, ord)`;
  }
  return id;
}

async function writeCorrections(tx: Db, id: number, corrections: Correction[]): Promise<void> {
  if (!corrections.length) return;
  await tx.$executeRaw`
    INSERT INTO publication_correction (publication_id, position, audit_id, week, unit_code, unit_name, indicator,
      indicator_name, indicator_name_en, old_value, new_value, changed_by, changed_at, reason)
    SELECT ${id}::int, t.ord::int, (c->>'auditId')::bigint, (c->>'week')::date, c->>'unitCode', c->>'unitName',
      c->>'indicator', c->>'indicatorName', c->>'indicatorNameEn', c->'oldValue', c->'newValue',
      COALESCE(u.display_name, c->>'changedBy'), (c->>'changedAt')::timestamptz, c->>'reason'
    FROM jsonb_array_elements(${JSON.stringify(corrections, (_, v) => (typeof v === "bigint" ? String(v) : v))}::jsonb)
      WITH ORDINALITY AS t(c, ord)
    LEFT JOIN app_user u ON u.username = c->>'changedBy'`;
}
