import { AT_MOST } from "@/lib/figures/figure-rules";
import { isoDate } from "@/lib/format/dates";
import { type FlagIndicator, type FlagUnit, type LateChange, type WeekSeries, WINDOW_WEEKS } from "./flag-data";
import { aboveCeiling, denominatorJump, increaseOutlier, REPEATED_WEEKS, repeatedValue } from "./flag-rules";

// The week's flags from its facts (flag-data.ts): pure, so the tests build the facts by hand.

export const FLAG_KINDS = [
  "changed-after-approval",
  "outlier",
  "above-eligible",
  "denominator-jump",
  "stopped-reporting",
  "repeated",
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** 3 high, 2 medium, 1 low. */
export type Severity = 1 | 2 | 3;

export type Flag = {
  /** The flag's identity within its week: what a check ("đã kiểm tra") is recorded against. */
  key: string;
  kind: FlagKind;
  severity: Severity;
  /** Orders flags of one severity: how far from usual. */
  weight: number;
  unit: { id: number; code: string; name: string };
  indicator: { code: string; nameVi: string; nameEn: string } | null;
  /** The numbers behind the reason (see the reason phrases in lib/i18n/messages/quality.ts). */
  numbers: Record<string, number | string | null>;
};

/** Weeks without figures, after figures in one of these, mean a unit stopped reporting. */
const STOPPED_WITHIN = 4;
/** Far enough (|M| ≥ this) that the outlier is a high-severity flag: a typo's extra zero is hundreds. */
const HIGH_M = 10;
/** ...and an increase at least this many times the usual one (or a running total going down). */
const HIGH_TIMES = 3;

const isHigh = (found: { m: number; increase: number; usual: number }) =>
  Math.abs(found.m) >= HIGH_M && (found.increase < 0 || found.increase >= HIGH_TIMES * Math.max(found.usual, 1));

export type FactsForFlags = {
  week: Date;
  units: FlagUnit[];
  indicators: FlagIndicator[];
  series: WeekSeries[];
  late: LateChange[];
};

export function computeFlags(facts: FactsForFlags): Flag[] {
  const unitOf = new Map(facts.units.map((u) => [u.id, u]));
  const indicatorOf = new Map(facts.indicators.map((i) => [i.id, i]));
  const seriesOf = new Map(facts.series.map((s) => [`${s.unitId}:${s.indicatorId}`, s]));
  const siblingsOf = new Map<string, WeekSeries[]>();
  for (const s of facts.series) {
    const key = `${unitOf.get(s.unitId)?.parentId ?? "top"}:${s.indicatorId}`;
    siblingsOf.set(key, [...(siblingsOf.get(key) ?? []), s]);
  }
  const flags: Flag[] = [];
  const add = (unit: FlagUnit, indicator: FlagIndicator | null, flag: Omit<Flag, "key" | "unit" | "indicator">) =>
    flags.push({
      ...flag,
      key: `${flag.kind}:${unit.code}:${indicator?.code ?? ""}`,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      indicator: indicator ? { code: indicator.code, nameVi: indicator.nameVi, nameEn: indicator.nameEn } : null,
    });

  for (const s of facts.series) {
    const unit = unitOf.get(s.unitId);
    const indicator = indicatorOf.get(s.indicatorId);
    if (!unit?.inScope || !indicator) continue;
    const now = s.values.get(0);
    if (now === undefined) continue;
    const others = (siblingsOf.get(`${unit.parentId ?? "top"}:${s.indicatorId}`) ?? []).filter((o) => o !== s);
    if (indicator.kind === "CUMULATIVE") {
      const previous = s.values.get(1);
      if (previous !== undefined) {
        const history = increases(s.values, 1);
        const siblings = others.flatMap((o) => (o.values.has(0) && o.values.has(1) ? increases(o.values, 0, 1) : []));
        const found = increaseOutlier(now - previous, history, siblings);
        if (found)
          add(unit, indicator, {
            kind: "outlier",
            severity: isHigh(found) ? 3 : 2,
            weight: Math.min(Math.abs(found.m), 1e9),
            numbers: {
              value: now,
              previous,
              increase: found.increase,
              usual: found.usual,
              m: Number.isFinite(found.m) ? found.m : null,
              against: found.against,
              sample: found.sample,
            },
          });
      }
      const run = consecutive(s.values);
      const before = s.values.get(REPEATED_WEEKS - 1);
      const moved = others.filter((o) => o.values.has(0) && o.values.has(REPEATED_WEEKS - 1));
      const share = moved.length
        ? moved.filter((o) => o.values.get(0) !== o.values.get(REPEATED_WEEKS - 1)).length / moved.length
        : null;
      const weeks = before === undefined ? null : repeatedValue(run, share);
      if (weeks)
        add(unit, indicator, { kind: "repeated", severity: 1, weight: weeks, numbers: { value: now, weeks, share } });
    }
    const den = s.dens.get(0);
    const previousDen = [...s.dens.entries()].filter(([ago]) => ago > 0).sort((a, b) => a[0] - b[0])[0];
    if ((indicator.kind === "RATIO" || indicator.kind === "CHECKLIST") && den !== undefined && previousDen) {
      const siblingFactors = others.flatMap((o) => {
        const a = o.dens.get(0);
        const b = [...o.dens.entries()].filter(([ago]) => ago > 0).sort((x, y) => x[0] - y[0])[0];
        return a !== undefined && b && b[1] > 0 ? [a / b[1]] : [];
      });
      const factor = denominatorJump(previousDen[1], den, siblingFactors);
      if (factor !== null)
        add(unit, indicator, {
          kind: "denominator-jump",
          severity: 2,
          weight: Math.min(factor >= 1 ? factor : 1 / factor, 1e9),
          numbers: { previous: previousDen[1], now: den, value: now },
        });
    }
  }

  for (const [numeratorId, denominatorId] of ceilingPairs(facts.indicators)) {
    const numerator = indicatorOf.get(numeratorId) as FlagIndicator;
    const ceilingIndicator = indicatorOf.get(denominatorId) as FlagIndicator;
    for (const unit of facts.units) {
      if (!unit.inScope) continue;
      const value = seriesOf.get(`${unit.id}:${numeratorId}`)?.values.get(0);
      const ceilingSeries = seriesOf.get(`${unit.id}:${denominatorId}`)?.values;
      const latest = ceilingSeries ? [...ceilingSeries.entries()].sort((a, b) => a[0] - b[0])[0] : undefined;
      if (value === undefined || !latest) continue;
      const share = aboveCeiling(value, latest[1]);
      if (share === null) continue;
      add(unit, numerator, {
        kind: "above-eligible",
        severity: share > 1.1 ? 3 : 2,
        weight: Math.min(share, 1e9),
        numbers: { value, ceiling: latest[1], ceilingCode: ceilingIndicator.code, percent: share * 100 },
      });
    }
  }

  const weeksAgo = new Map<number, Set<number>>();
  for (const s of facts.series)
    for (const ago of s.values.keys()) weeksAgo.set(s.unitId, (weeksAgo.get(s.unitId) ?? new Set()).add(ago));
  for (const unit of facts.units) {
    const seen = weeksAgo.get(unit.id);
    if (!unit.inScope || !seen || seen.has(0)) continue;
    const last = Math.min(...seen);
    if (last > STOPPED_WITHIN) continue;
    const lastWeek = new Date(facts.week.getTime() - last * 7 * 86_400_000);
    add(unit, null, {
      kind: "stopped-reporting",
      severity: 2,
      weight: 1 / last,
      numbers: { lastWeek: isoDate(lastWeek) },
    });
  }

  for (const change of facts.late) {
    const unit = unitOf.get(change.unitId) ?? null;
    const indicator = indicatorOf.get(change.indicatorId);
    if (!unit?.inScope || !indicator) continue;
    add(unit, indicator, {
      kind: "changed-after-approval",
      severity: 3,
      weight: change.at.getTime() / 1e13,
      numbers: {
        from: change.from,
        to: change.to,
        by: change.actor,
        at: change.at.toISOString(),
        approvedBy: change.approvedBy,
        approvedAt: change.approvedAt.toISOString(),
      },
    });
  }
  return sortFlags(flags);
}

/** Highest severity first, then the furthest from usual, then by unit code for a stable order. */
export function sortFlags(flags: Flag[]): Flag[] {
  return flags.sort(
    (a, b) =>
      b.severity - a.severity ||
      FLAG_KINDS.indexOf(a.kind) - FLAG_KINDS.indexOf(b.kind) ||
      b.weight - a.weight ||
      a.unit.code.localeCompare(b.unit.code) ||
      (a.indicator?.code ?? "").localeCompare(b.indicator?.code ?? ""),
  );
}

/** The increases between consecutive weeks, from `newest` weeks ago back (a missing week gives none). */
function increases(values: Map<number, number>, newest: number, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (let ago = newest; ago <= newest + WINDOW_WEEKS && out.length < limit; ago++) {
    const later = values.get(ago);
    const earlier = values.get(ago + 1);
    if (later !== undefined && earlier !== undefined) out.push(later - earlier);
  }
  return out;
}

/** The values of consecutive weeks ending this week, oldest first (stops at the first missing week). */
function consecutive(values: Map<number, number>): number[] {
  const out: number[] = [];
  for (let ago = 0; values.has(ago); ago++) out.unshift(values.get(ago) as number);
  return out;
}

/** The counts that must not exceed another's: the entry rules' pairs and every coverage (DERIVED) indicator's. */
function ceilingPairs(indicators: FlagIndicator[]): [number, number][] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const pairs = new Map<string, [number, number]>();
  for (const [numerator, ceiling] of Object.entries(AT_MOST)) {
    const n = byCode.get(numerator);
    const c = byCode.get(ceiling);
    if (n && c) pairs.set(`${n.id}:${c.id}`, [n.id, c.id]);
  }
  for (const i of indicators)
    if (i.kind === "DERIVED" && i.numeratorId && i.denominatorId)
      pairs.set(`${i.numeratorId}:${i.denominatorId}`, [i.numeratorId, i.denominatorId]);
  return [...pairs.values()].filter(([n, d]) => {
    const kinds = [indicators.find((i) => i.id === n)?.kind, indicators.find((i) => i.id === d)?.kind];
    return kinds.every((k) => k === "STOCK" || k === "CUMULATIVE");
  });
}
