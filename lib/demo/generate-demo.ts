import "server-only";
import { insertAuditFrom } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import { type Sql, sql } from "@/lib/db/sql";
import { addDays, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SHARE_TARGET_SCALE } from "@/lib/indicators/indicator-kinds";
import { rebuildSeries } from "@/lib/series/refresh-series";
import { inForceDuring, inForceOn } from "@/lib/units/in-force";
import { approveDemoHistory } from "./demo-approvals";
import { DEMO_CHECKLIST, DEMO_RATIOS, DEMO_SHARE_TARGET, defineDemoIndicators } from "./demo-indicators";

export type DemoOptions = {
  weeks: number;
  seed: string;
  /** Last reporting date; defaults to the latest Sunday up to today in Vietnam. */
  until?: Date;
  onProgress?: (message: string) => void;
};

/** Indicators the demo fills, with the share of the population each reaches and its target share. */
const CURVES = [
  { code: "CCCD_ELIGIBLE", cap: 1, target: null, lagWeeks: 0 },
  { code: "CCCD_INTAKE", cap: 1.02, target: 0.95, lagWeeks: 0 },
  { code: "CCCD_ISSUED", cap: 0.99, target: 0.93, lagWeeks: 3 },
  { code: "VNEID_L2_INTAKE", cap: 0.88, target: 0.8, lagWeeks: 1 },
  { code: "VNEID_L2_ACTIVATED", cap: 0.82, target: 0.75, lagWeeks: 3 },
] as const;

/**
 * Writes deterministic, realistic demo data for every unit loaded: weekly cumulative figures
 * following S-curves for the units that have no children (communes, island districts, or
 * provinces when nothing finer is loaded), some provinces early and some late, a few missing
 * weeks, and targets cascaded from the units up. The same seed gives the same data.
 * Replaces earlier demo data; figures from other sources are left alone.
 */
export async function generateDemo(
  prisma: PrismaClient,
  options: DemoOptions,
): Promise<{ figures: number; targets: number }> {
  const until = options.until ?? sundayOnOrBefore(todayInVietnam());
  const from = addDays(until, -7 * (options.weeks - 1));
  const started = performance.now();
  const progress = (message: string) =>
    options.onProgress?.(`${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${message}`);
  const indicators = await prisma.indicator.findMany({ where: { code: { in: CURVES.map((c) => c.code) } } });
  const curves = CURVES.map((c) => ({ ...c, id: indicators.find((i) => i.code === c.code)?.id }));
  if (curves.some((c) => c.id === undefined)) throw new Error("Thiếu chỉ tiêu gốc; hãy chạy migration trước.");
  progress("Chỉ tiêu tỷ lệ, danh mục và bộ chỉ số…");
  await defineDemoIndicators(prisma);
  const idOf = new Map(
    (await prisma.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id] as const),
  );
  const ratios = DEMO_RATIOS.map((r) => ({ ...r, id: idOf.get(r.code) as number }));
  const checklistId = idOf.get(DEMO_CHECKLIST.code) as number;
  const filled = [...curves.map((c) => c.id as number), ...ratios.map((r) => r.id), checklistId];

  let figures = 0;
  let targets = 0;
  await prisma.$transaction(
    async (tx) => {
      progress(`Tham số cho từng đơn vị (${isoDate(from)} → ${isoDate(until)})…`);
      // Row-by-row foreign-key checks are 40 % of a bulk insert; every id below comes from a
      // join on the referenced tables in the same statement, so a superuser skips them.
      const [role] = await tx.$queryRaw<{ superuser: boolean }[]>`
        SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
      if (role?.superuser) await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`DELETE FROM figure WHERE source = 'demo'`;
      await tx.$executeRaw`DELETE FROM target WHERE directive LIKE '% (dữ liệu mẫu)'`;
      await tx.$executeRaw(demoParams(options.seed, from, until));
      await tx.$executeRaw(inheritPopulation());
      for (const curve of curves) {
        progress(`Số liệu ${curve.code}…`);
        figures += Number(
          await tx.$executeRaw(
            demoFigures(
              {
                id: curve.id as number,
                cap: curve.cap,
                lagWeeks: curve.lagWeeks,
                stock: curve.code === "CCCD_ELIGIBLE",
              },
              from,
              until,
              options.seed,
            ),
          ),
        );
      }
      for (const ratio of ratios) {
        progress(`Số liệu ${ratio.code} (tử số / mẫu số, bốn tuần một lần)…`);
        figures += Number(await tx.$executeRaw(demoRatioFigures(ratio, from, until)));
      }
      progress(`Số liệu ${DEMO_CHECKLIST.code} (danh mục của tỉnh)…`);
      figures += Number(await tx.$executeRaw(demoChecklistFigures(checklistId, from, until, options.seed)));
      targets += Number(
        await tx.$executeRaw(
          demoShareTargets(idOf.get(DEMO_SHARE_TARGET.code) as number, DEMO_SHARE_TARGET.percent, from, until),
        ),
      );
      progress("Chỉ tiêu giao từ xã lên tỉnh…");
      const withTargets = curves.filter((c) => c.target !== null);
      targets += Number(
        await tx.$executeRaw(
          demoTargets(
            withTargets.map((c) => ({ id: c.id as number, target: c.target as number })),
            from,
            until,
          ),
        ),
      );
      await tx.$executeRaw`DROP TABLE demo_unit`;
      progress("Các tuần đã phê duyệt (trừ hai tuần gần nhất)…");
      await approveDemoHistory(tx, from, until);
      progress("Tổng hợp lên cấp trên cho bảng xếp hạng (trực tiếp và đã phê duyệt)…");
      await tx.$executeRaw`DELETE FROM unit_series WHERE indicator_id = ANY(${filled}::int[])`;
      await tx.$executeRaw`DELETE FROM official_series WHERE indicator_id = ANY(${filled}::int[])`;
      // Derived indicators (coverage, activation) are rebuilt with the counts they are made of.
      await rebuildSeries(tx, filled);
      await bumpDataVersion(tx);
    },
    { timeout: 3_600_000, maxWait: 30_000 },
  );
  // Autovacuum would soon scan every row just written, competing with the first users for
  // the processors for a minute or more; done now, it also gives the first rankings fresh
  // statistics and so good plans. VACUUM cannot run inside the transaction.
  progress("Dọn dẹp và cập nhật thống kê các bảng vừa ghi…");
  await prisma.$executeRaw`VACUUM (ANALYZE) figure, unit_series, unit_score, official_series, official_score, weekly_report, target, audit_entry`;
  return { figures, targets };
}

// Per leaf unit: population, when its curve is half-way (t0, in days before the last date), how
// steep it is and how far it gets (reach). Pace and reach are shared by a province (its new
// code after 2025) with a little jitter per unit, so some provinces are early, some late and
// some never reach their target.
function demoParams(seed: string, from: Date, until: Date) {
  return sql`
CREATE TEMP TABLE demo_unit ON COMMIT DROP AS
WITH RECURSIVE leaf AS (
  SELECT u.* FROM unit u
  WHERE NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id)
    AND ${inForceDuring("u", from, until)}
),
up AS (
  SELECT l.id AS leaf_id, l.id, l.parent_id, l.level, l.code FROM leaf l
  UNION ALL
  SELECT up.leaf_id, p.id, p.parent_id, p.level, p.code FROM up JOIN unit p ON p.id = up.parent_id
),
province AS (
  SELECT up.leaf_id,
         coalesce((SELECT n.code FROM unit_successor s JOIN unit n ON n.id = s.successor_id
                   WHERE s.predecessor_id = up.id LIMIT 1), up.code) AS key
  FROM up WHERE up.level = 'PROVINCE'
)
SELECT l.id, l.level, l.valid_from, l.valid_to,
  CASE l.level WHEN 'PROVINCE' THEN 600000 + 2400000 * h.r1
               WHEN 'DISTRICT' THEN 2000 + 8000 * h.r1
               ELSE 3000 + 22000 * h.r1 END AS population,
  -(0.15 + 0.5 * hp.r2 + 0.05 * h.r2) * (${until}::date - ${from}::date) AS t0,
  (0.08 + 0.06 * hp.r3) * (${until}::date - ${from}::date) + 14 AS tau,
  0.92 + 0.14 * hp.r4 AS reach
FROM leaf l
JOIN province p ON p.leaf_id = l.id
CROSS JOIN LATERAL (SELECT (hashtext(l.code || ':' || l.valid_from || ${seed}) & 2147483647) / 2147483647.0 AS r1,
                           (hashtext(${seed} || l.code) & 2147483647) / 2147483647.0 AS r2) h
CROSS JOIN LATERAL (SELECT (hashtext('p' || p.key || ${seed}) & 2147483647) / 2147483647.0 AS r2,
                           (hashtext('q' || p.key || ${seed}) & 2147483647) / 2147483647.0 AS r3,
                           (hashtext('r' || p.key || ${seed}) & 2147483647) / 2147483647.0 AS r4) hp`;
}

function inheritPopulation() {
  return sql`
UPDATE demo_unit d SET population = m.population FROM (
  SELECT s.successor_id AS id, sum(o.population / c.n) AS population
  FROM unit_successor s
  JOIN demo_unit o ON o.id = s.predecessor_id
  JOIN (SELECT predecessor_id, count(*) AS n FROM unit_successor GROUP BY predecessor_id) c
    ON c.predecessor_id = s.predecessor_id
  GROUP BY s.successor_id
) m WHERE m.id = d.id`;
}

// Communes created in 2025 inherit the population of the communes merged into them (a split
// commune's equally divided), so totals run on across the reorganisation.

// Weekly figures on Sundays while each unit is in force, with ~3 % of weeks missing (never the
// latest), and one audit entry per figure written in the same statement.
function demoFigures(
  curve: { id: number; cap: number; lagWeeks: number; stock: boolean },
  from: Date,
  until: Date,
  seed: string,
) {
  return sql`
WITH written AS (
  INSERT INTO figure (unit_id, indicator_id, as_of, value, source, entered_by, updated_at)
  SELECT d.id, ${curve.id}::int, w.as_of,
    CASE WHEN ${curve.stock}::boolean THEN round(d.population * (1 + 0.0002 * (w.as_of - DATE '2023-01-01') / 7.0))
         ELSE round(d.population * ${curve.cap}::float8 * d.reach
              / (1 + exp(-((w.as_of - ${until}::date) - 7 * ${curve.lagWeeks}::int - d.t0) / d.tau))) END,
    'demo', 'demo', now()
  FROM demo_unit d
  CROSS JOIN LATERAL (SELECT g::date AS as_of FROM generate_series(${from}::date, ${until}::date, interval '7 days') g) w
  WHERE ${inForceOn("d", sql`w.as_of`)}
    AND (w.as_of = ${until}::date OR ((d.id * 7919 + (w.as_of - DATE '2000-01-01') * 104729 + hashtext(${seed})) & 1023) >= 31)
  RETURNING id, unit_id, indicator_id, as_of, value
)
${insertAuditFrom(sql`
SELECT 'demo', 'create', 'figure', id, unit_id, indicator_id, NULL::jsonb,
       jsonb_build_object('value', value, 'asOf', as_of, 'version', 1, 'source', 'demo'), NULL
FROM written`)}`;
}

/**
 * A demo target's deadline, directive and assignment date for unit u: the 2023 directive for
 * the old structure, a 2025 plan for units created on 1 July 2025.
 */
function assignment(until: Date): Sql {
  return sql`CASE WHEN u.valid_from >= DATE '2025-07-01' THEN greatest(DATE '2026-12-31', ${until}::date + 30)
         ELSE DATE '2025-06-30' END,
    CASE WHEN u.valid_from >= DATE '2025-07-01' THEN 'Kế hoạch số 12/KH-C06 ngày 15/7/2025 (dữ liệu mẫu)'
         ELSE 'Điện số 16/HT ngày 21/3/2023 (dữ liệu mẫu)' END,
    CASE WHEN u.valid_from >= DATE '2025-07-01' THEN greatest(u.valid_from, DATE '2025-07-15')
         ELSE greatest(u.valid_from, DATE '2023-03-21') END`;
}

// Targets for every unit in force in the period: leaves get a share of their population, and
// each parent the sum of its children's (the cascade). Units of the old structure get the
// 2023 directive, units created on 1 July 2025 a new one.
function demoTargets(curves: { id: number; target: number }[], from: Date, until: Date) {
  return sql`
WITH RECURSIVE share AS (
  SELECT * FROM unnest(${curves.map((c) => c.id)}::int[], ${curves.map((c) => c.target)}::float8[]) AS s(indicator_id, share)
),
tree AS (
  SELECT d.id, s.indicator_id, round(d.population * s.share) AS value FROM demo_unit d CROSS JOIN share s
  UNION ALL
  SELECT u.parent_id, t.indicator_id, t.value FROM tree t JOIN unit u ON u.id = t.id WHERE u.parent_id IS NOT NULL
),
totals AS (SELECT id, indicator_id, sum(value) AS value FROM tree GROUP BY id, indicator_id),
${writtenTargets(sql`t.indicator_id`, sql`t.value`, sql`totals t JOIN unit u ON u.id = t.id`, from, until)}`;
}

/**
 * Inserts the demo's targets (indicator and value per row of `source`, which names its units
 * `u`) for the units in force in the span, with one audit entry each, in one statement.
 */
function writtenTargets(indicator: Sql, value: Sql, source: Sql, from: Date, until: Date): Sql {
  return sql`written AS (
  INSERT INTO target (unit_id, indicator_id, value, deadline, directive, assigned_on, assigned_by_id, updated_at)
  SELECT u.id, ${indicator}, ${value},
    ${assignment(until)},
    u.parent_id, now()
  FROM ${source}
  WHERE ${inForceDuring("u", from, until)}
  RETURNING id, unit_id, indicator_id, value, deadline, directive, assigned_on
)
${insertAuditFrom(sql`
SELECT 'demo', 'create', 'target', id, unit_id, indicator_id, NULL::jsonb,
       jsonb_build_object('value', value, 'deadline', deadline, 'directive', directive, 'assignedOn', assigned_on), NULL
FROM written`)}`;
}

/** Inserts demo figures and one audit entry per figure, in one statement. */
function withAudit(insert: Sql) {
  return sql`
WITH written AS (${insert} RETURNING id, unit_id, indicator_id, as_of, value, denominator)
${insertAuditFrom(sql`
SELECT 'demo', 'create', 'figure', id, unit_id, indicator_id, NULL::jsonb,
       jsonb_build_object('value', value, 'denominator', denominator, 'asOf', as_of, 'version', 1, 'source', 'demo'), NULL
FROM written`)}`;
}

// A ratio every four weeks for each leaf: the denominator grows with the period (files come
// in), the share follows the unit's own S-curve from `from` to `to`, never above 100 %.
function demoRatioFigures(ratio: { id: number; from: number; to: number; per: number }, from: Date, until: Date) {
  return withAudit(sql`
  INSERT INTO figure (unit_id, indicator_id, as_of, value, denominator, source, entered_by, updated_at)
  SELECT d.id, ${ratio.id}::int, w.as_of, round(n.den * s.share), n.den, 'demo', 'demo', now()
  FROM demo_unit d
  CROSS JOIN LATERAL (SELECT g::date AS as_of FROM generate_series(${from}::date, ${until}::date, interval '7 days') g) w
  CROSS JOIN LATERAL (SELECT greatest(1, round(d.population * ${ratio.per}::float8
    * (0.4 + 0.6 * (w.as_of - ${from}::date) / greatest(1, ${until}::date - ${from}::date)::float8)))::int AS den) n
  CROSS JOIN LATERAL (SELECT least(1.0, ${ratio.from}::float8 + (${ratio.to}::float8 - ${ratio.from}::float8) * d.reach
    / (1 + exp(-((w.as_of - ${until}::date) - d.t0) / d.tau))) AS share) s
  WHERE ${inForceOn("d", sql`w.as_of`)}
    AND ((${until}::date - w.as_of) / 7) % 4 = 0`);
}

// The essential-services checklist, reported by each province every four weeks: some complete
// it early, some never do.
function demoChecklistFigures(id: number, from: Date, until: Date, seed: string) {
  const required = DEMO_CHECKLIST.required;
  return withAudit(sql`
  INSERT INTO figure (unit_id, indicator_id, as_of, value, denominator, source, entered_by, updated_at)
  SELECT u.id, ${id}::int, w.as_of,
    least(${required}::int, floor(${required}::int * (0.35 + 0.65 * w.t * (0.75 + 0.5 * h.r)))), ${required}::int,
    'demo', 'demo', now()
  FROM unit u
  CROSS JOIN LATERAL (SELECT (hashtext('c' || u.code || ${seed}) & 2147483647) / 2147483647.0 AS r) h
  CROSS JOIN LATERAL (SELECT g::date AS as_of,
    (g::date - ${from}::date) / greatest(1, ${until}::date - ${from}::date)::float8 AS t
    FROM generate_series(${from}::date, ${until}::date, interval '7 days') g) w
  WHERE u.level = 'PROVINCE' AND ${inForceOn("u", sql`w.as_of`)}
    AND ((${until}::date - w.as_of) / 7) % 4 = 0`);
}

// A share target for every unit in force in the period, in hundredths of a percent, with the
// same directives and dates as the count targets.
function demoShareTargets(id: number, percent: number, from: Date, until: Date) {
  return sql`
WITH ${writtenTargets(sql`${id}::int`, sql`${percent * SHARE_TARGET_SCALE}::int`, sql`unit u`, from, until)}`;
}
