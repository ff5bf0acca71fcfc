import Link from "next/link";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import { colourOf, colourScale } from "@/lib/leaderboard/colour-scale";
import type { ProvinceShapes } from "@/lib/map/province-shapes";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { MapLegend } from "./tile-map";

type Props = {
  shapes: ProvinceShapes;
  provinces: { code: string; name: string }[];
  items: RankingItem[];
  linkQuery: string;
  locale?: Locale;
  /** A scorecard's bands, which the colours follow (lib/leaderboard/colour-scale.ts). */
  bands?: number[] | null;
};

/**
 * The provinces drawn from imported boundaries, coloured by percent of target. Server-rendered
 * SVG: each province is a link (focusable, named with its figures, a tooltip on hover) to its
 * page. The archipelagos belong to Đà Nẵng and Khánh Hòa and are drawn with them.
 */
export function ProvinceMap({ shapes, provinces, items, linkQuery, locale = "vi", bands }: Props) {
  const m = publicMessages(locale);
  const scale = colourScale(bands);
  const f = formatsFor(locale);
  const byCode = new Map(items.map((i) => [i.code, i]));
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  return (
    <figure>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map's links */}
      <svg
        viewBox={`0 0 ${shapes.width} ${shapes.height}`}
        className="mx-auto block h-auto w-full max-w-sm"
        role="group"
        aria-label={m.mapGroup}
      >
        {shapes.shapes.map(({ code, d }) => {
          const item = byCode.get(code);
          const name = names.get(code) ?? code;
          const label =
            item?.percent == null
              ? `${name}: ${m.noData}`
              : `${name}: ${f.percent(item.percent)} (${f.count(item.value)}/${f.count(item.target)})${item.rank ? `, ${m.rankWord} ${item.rank}` : ""}`;
          return (
            <Link key={code} href={`/units/${code}?${linkQuery}`} aria-label={label} data-province={code}>
              <title>{label}</title>
              <path
                d={d}
                fill={colourOf(scale, item?.percent ?? null).fill}
                className="stroke-white stroke-[0.4] outline-none hover:stroke-slate-900 hover:stroke-[1.5] focus:stroke-slate-900 focus:stroke-[1.5]"
              />
            </Link>
          );
        })}
        {shapes.labels.map((l) => (
          <text
            key={l.key}
            x={l.x}
            y={l.y}
            textAnchor="middle"
            className="pointer-events-none fill-slate-600 text-[9px]"
          >
            {m[l.key]}
          </text>
        ))}
      </svg>
      <MapLegend scale={scale} locale={locale} />
    </figure>
  );
}
