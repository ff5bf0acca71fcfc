import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { sql } from "@/lib/db/sql";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { type DefinableKind, hasDenominator, storedKind } from "@/lib/indicators/indicator-kinds";
import {
  bandOf,
  exactScoreOf,
  maxScoreOf,
  pointsOf,
  progressOf,
  scoreOf,
  shareReached,
  shareReachedSql,
} from "@/lib/indicators/score-model";
import { getRanking } from "@/lib/rankings/get-ranking";
import { connectTestDatabase, resetDatabase, truncateTables } from "../setup/database";
import { day, loadFigures, loadSmallStructure, loadTargets } from "../setup/fixtures";

// The score model is written twice, in TypeScript for the rankings and in SQL for the
// unit_score read model (lib/indicators/score-model.ts). Random scorecards are defined,
// their components given random figures and targets, and every score the read model stores
// must be the very number the TypeScript works out from the same points and targets.

const prisma = connectTestDatabase();
const admin: Actor = { id: 1, username: "quantri", displayName: "Quản trị", role: "MINISTRY_ADMIN", unitId: null };
const WEEKS = ["2023-04-02", "2023-04-09", "2023-04-16"];
/** Provinces, a district and communes of the small structure: scores are stored at every level. */
const UNITS = ["01", "02", "03", "04", "001", "00001", "00002", "00004"];
const KINDS = ["COUNT", "STOCK", "RATIO", "CHECKLIST"] as const satisfies DefinableKind[];
/** Denominators and share targets that often meet exactly, so "reached" is tried on its edge. */
const DENOMINATORS = [0, 1, 2, 4, 5, 8, 10, 20, 25, 50, 100];
const SHARES = ["25", "50", "62,5", "75", "80", "87,5", "100", "33,33", "66,67", "12,34"];

const figure = fc.record({
  unit: fc.constantFrom(...UNITS),
  week: fc.nat({ max: WEEKS.length - 1 }),
  value: fc.nat({ max: 120 }),
  denominator: fc.constantFrom(...DENOMINATORS),
});
const target = fc.record({
  unit: fc.constantFrom(...UNITS),
  /** Assigned in the week before the first, or on one of the weeks. */
  week: fc.integer({ min: -1, max: WEEKS.length - 1 }),
  count: fc.integer({ min: 1, max: 120 }),
  share: fc.constantFrom(...SHARES),
});
const component = fc.record({
  kind: fc.constantFrom(...KINDS),
  /** In hundredths of a point: at most two decimals, up to 1000 points. */
  weight: fc.integer({ min: 1, max: 100_000 }),
  figures: fc.array(figure, { maxLength: 10 }),
  targets: fc.array(target, { maxLength: 5 }),
});
const scorecard = fc.record({
  components: fc.array(component, { minLength: 2, maxLength: 4 }),
  bands: fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 3 }),
  /** Scores published by the program (points and maximum in hundredths) for some units. */
  published: fc.array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      week: fc.nat({ max: WEEKS.length - 1 }),
      max: fc.integer({ min: 1, max: 10_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 2 },
  ),
});

const decimal = (hundredths: number) => (hundredths / 100).toString().replace(".", ",");
const weekBefore = (week: number) => (week < 0 ? "2023-03-26" : (WEEKS[week] as string));

type Point = {
  unit_id: number;
  indicator_id: number;
  as_of: Date;
  value: number;
  denominator: number | null;
  own_value: number | null;
};
type Target = { unit_id: number; indicator_id: number; assigned_on: Date; value: number };

/** The latest of `rows` (in date order) at or before `on` whose key matches. */
function latest<T>(rows: T[], on: Date, at: (row: T) => Date): T | null {
  let found: T | null = null;
  for (const row of rows) if (at(row) <= on) found = row;
  return found;
}

type Card = typeof scorecard extends fc.Arbitrary<infer T> ? T : never;
type Part = Card["components"][number] & { code: string; shares: boolean };

/** Defines the card's components and the scorecard over them, codes numbered by `run`. */
async function defineCard(card: Card, run: number) {
  const parts: Part[] = card.components.map((c, i) => ({
    ...c,
    code: `P${run}_${i}`,
    shares: hasDenominator(storedKind(c.kind)),
  }));
  const bands = [...card.bands].sort((a, b) => a - b).map((b) => b / 100);
  for (const p of parts)
    await defineIndicator(prisma, admin, { code: p.code, kind: p.kind, nameVi: `Thành phần ${p.code}` });
  const code = `DIEM_P${run}`;
  const composite = await defineIndicator(prisma, admin, {
    code,
    kind: "COMPOSITE",
    nameVi: `Bộ chỉ số ${run}`,
    components: parts.map((p) => ({ code: p.code, weight: p.weight / 100 })),
    bands,
  });
  const ids = await prisma.indicator.findMany({ where: { code: { in: parts.map((p) => p.code) } } });
  const componentIds = parts.map((p) => ids.find((i) => i.code === p.code)?.id as number);
  return { parts, bands, code, compositeId: composite.id, componentIds };
}

/** Imports the card's targets, then its figures and published scores (a later row of a key wins). */
async function loadCard(card: Card, parts: Part[], code: string) {
  const targets = new Map<string, string>();
  for (const p of parts)
    for (const t of p.targets) {
      const on = weekBefore(t.week);
      targets.set(
        `${t.unit},${p.code},${on}`,
        `${t.unit},${p.code},"${p.shares ? t.share : t.count}",2023-12-31,KH,${on}`,
      );
    }
  if (targets.size)
    await loadTargets(
      prisma,
      `unit_code,indicator,target,deadline,directive,assigned_on\n${[...targets.values()].join("\n")}`,
    );
  const figures = new Map<string, string>();
  for (const p of parts)
    for (const f of p.figures) {
      const row = p.shares ? `${Math.min(f.value, f.denominator)},${f.denominator}` : `${f.value},`;
      figures.set(`${f.unit},${p.code},${f.week}`, `${f.unit},${p.code},${WEEKS[f.week]},${row}`);
    }
  for (const s of card.published) {
    const points = Math.floor(s.share * s.max);
    figures.set(
      `${s.unit},${code},${s.week}`,
      `${s.unit},${code},${WEEKS[s.week]},"${decimal(points)}","${decimal(s.max)}"`,
    );
  }
  if (figures.size)
    await loadFigures(prisma, `unit_code,indicator,as_of,value,denominator\n${[...figures.values()].join("\n")}`);
}

/**
 * The score model in TypeScript over what the read model reads (unit_series, target): a
 * unit's score on a date, its maximum, and the exact score (null for a published score).
 */
function modelScores(parts: Part[], compositeId: number, componentIds: number[], points: Point[], targets: Target[]) {
  const weights = parts.map((p) => p.weight / 100);
  return (unitId: number, on: Date) => {
    const pointOf = (id: number) =>
      latest(
        points.filter((x) => x.unit_id === unitId && x.indicator_id === id),
        on,
        (x) => x.as_of,
      );
    const own = pointOf(compositeId);
    if (own && own.own_value !== null && own.denominator !== null && own.denominator > 0)
      return { score: own.own_value / 100, maxScore: own.denominator / 100, exact: null };
    const progress = parts.map((p, i) => {
      const id = componentIds[i] as number;
      const point = pointOf(id);
      const t = latest(
        targets.filter((x) => x.unit_id === unitId && x.indicator_id === id),
        on,
        (x) => x.assigned_on,
      );
      return progressOf(p.shares, point?.value ?? null, point?.denominator ?? null, t?.value ?? null);
    });
    return {
      score: scoreOf(weights.map((w, i) => pointsOf(w, progress[i] ?? null))),
      maxScore: maxScoreOf(weights),
      exact: exactScoreOf(weights.map((weight, i) => ({ weight, progress: progress[i] ?? null }))),
    };
  };
}

let run = 0;

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma);
});

describe("the scorecards' read model", () => {
  it("stores the score the TypeScript score model works out, and agrees on when a share is reached", async () => {
    await fc.assert(
      fc.asyncProperty(scorecard, async (card) => {
        await truncateTables("figure", "unit_series", "target", "unit_score", "audit_entry");
        const { parts, bands, code, compositeId, componentIds } = await defineCard(card, ++run);
        await loadCard(card, parts, code);

        const points = await prisma.$queryRaw<Point[]>`
          SELECT unit_id, indicator_id, as_of, value::float8 AS value, denominator::float8 AS denominator, own_value::float8 AS own_value
          FROM unit_series WHERE indicator_id = ANY(${[...componentIds, compositeId]}::int[]) ORDER BY as_of`;
        const targets = await prisma.$queryRaw<Target[]>`
          SELECT unit_id, indicator_id, assigned_on, value::float8 AS value FROM target
          WHERE indicator_id = ANY(${componentIds}::int[]) ORDER BY assigned_on`;
        const stored = await prisma.$queryRaw<{ unit_id: number; as_of: Date; score: number; max_score: number }[]>`
          SELECT unit_id, as_of, score, max_score FROM unit_score WHERE indicator_id = ${compositeId}::int ORDER BY unit_id, as_of`;
        const scoreOn = modelScores(parts, compositeId, componentIds, points, targets);

        // The read model scores wherever a component or the published score has a point, or a target begins.
        const dates = new Map<number, Set<number>>();
        for (const p of points) dates.set(p.unit_id, (dates.get(p.unit_id) ?? new Set()).add(p.as_of.getTime()));
        for (const t of targets) dates.set(t.unit_id, (dates.get(t.unit_id) ?? new Set()).add(t.assigned_on.getTime()));
        const expected = [...dates]
          .sort(([a], [b]) => a - b)
          .flatMap(([unitId, times]) =>
            [...times]
              .sort((a, b) => a - b)
              .flatMap((time) => {
                const { score, maxScore } = scoreOn(unitId, new Date(time));
                return score === null ? [] : [{ unit_id: unitId, as_of: new Date(time), score, max_score: maxScore }];
              }),
          );
        // toEqual tells numbers apart to the last bit: the SQL does the TypeScript's operations in its order.
        expect(stored).toEqual(expected);

        // The ranking scores the provinces on the last week as the model does, and bands them exactly.
        const { items } = await getRanking(prisma, {
          basis: "live",
          indicator: code,
          level: "PROVINCE",
          asOf: day(WEEKS.at(-1) as string),
        });
        const unitIds = new Map(
          (await prisma.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]),
        );
        for (const item of items) {
          const model = scoreOn(unitIds.get(item.code) as number, day(WEEKS.at(-1) as string));
          if (model.score === null) expect(item.score).toBeNull();
          else if (item.score !== null) expect(item.score).toBeCloseTo(model.score, 9);
          if (model.exact && model.score !== null) expect(item.band).toBe(bandOf(model.exact, model.maxScore, bands));
        }

        // "Share reached", in SQL (exact in bigint, and in float8 as through the crosswalk) and in TypeScript.
        const shareIds = componentIds.filter((_, i) => parts[i]?.shares);
        const reached = await prisma.$queryRaw<
          { value: number; denominator: number; target: number; exact: boolean; approx: boolean }[]
        >`
          SELECT s.value::float8 AS value, s.denominator::float8 AS denominator, t.value::float8 AS target,
                 ${shareReachedSql(sql`s.value`, sql`s.denominator`, sql`t.value`, "bigint")} AS exact,
                 ${shareReachedSql(sql`s.value::float8`, sql`s.denominator::float8`, sql`t.value::float8`, "float8")} AS approx
          FROM unit_series s JOIN target t ON t.unit_id = s.unit_id AND t.indicator_id = s.indicator_id
          WHERE s.indicator_id = ANY(${shareIds}::int[])`;
        for (const r of reached) {
          const ts = shareReached(r.value, r.denominator, r.target);
          expect([r.exact, r.approx]).toEqual([ts, ts]);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
