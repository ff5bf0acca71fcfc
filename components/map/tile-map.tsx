import Link from "next/link";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import { colourOf, colourScale, NO_DATA_COLOUR, type ScaleStep, scaleLabels } from "@/lib/leaderboard/colour-scale";
import { TILES_34, TILES_63 } from "@/lib/map/tile-grid";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import type { Structure } from "@/lib/units/structures";

const SIZE = 44;
const GAP = 4;

/**
 * Every province as one square in its approximate place, coloured by percent of target.
 * Server-rendered SVG: no JavaScript; each square is a link (focusable, with a title) to the
 * province's page. Hoàng Sa and Trường Sa are drawn with the provinces they belong to.
 */
type Props = {
  provinces: { code: string; name: string }[];
  items: RankingItem[];
  structure: Structure;
  linkQuery: string;
  locale?: Locale;
  /** A scorecard's bands, which the colours follow (lib/leaderboard/colour-scale.ts). */
  bands?: number[] | null;
};

export function TileMap({ provinces, items, structure, linkQuery, locale = "vi", bands }: Props) {
  const m = publicMessages(locale);
  const scale = colourScale(bands);
  const colours = (percent: number | null | undefined) => colourOf(scale, percent ?? null);
  const f = formatsFor(locale);
  const tiles = structure === "63" ? TILES_63 : TILES_34;
  const byCode = new Map(items.map((i) => [i.code, i]));
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const labels = shortNames(provinces.map((p) => p.name));
  const columns = Math.max(...Object.values(tiles).map(([c]) => c)) + 1;
  const rows = Math.max(...Object.values(tiles).map(([, r]) => r)) + 1;
  const islands = [
    { label: m.hoangSa, code: "48", row: Math.round(rows * 0.4) },
    { label: m.truongSa, code: "56", row: Math.round(rows * 0.72) },
  ];
  const width = (columns + 4) * (SIZE + GAP);
  const height = rows * (SIZE + GAP);
  return (
    <figure>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the map's links */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="mx-auto block h-auto w-full max-w-md"
        role="group"
        aria-label={m.tileGroup}
      >
        {Object.entries(tiles).map(([code, [column, row]]) => {
          const item = byCode.get(code);
          const name = names.get(code) ?? code;
          const short = labels.get(name) ?? code;
          const label = `${short} – ${name}: ${item?.percent == null ? m.noData : f.percent(item.percent)}`;
          return (
            <Link key={code} href={`/units/${code}?${linkQuery}`} aria-label={label}>
              <title>{label}</title>
              <rect
                x={column * (SIZE + GAP)}
                y={row * (SIZE + GAP)}
                width={SIZE}
                height={SIZE}
                rx={6}
                fill={colours(item?.percent).fill}
                className="stroke-white stroke-2 hover:stroke-slate-900 focus:stroke-slate-900"
              />
              <text
                x={column * (SIZE + GAP) + SIZE / 2}
                y={row * (SIZE + GAP) + SIZE / 2 + 4}
                textAnchor="middle"
                fill={colours(item?.percent).text}
                className="pointer-events-none text-[11px] font-semibold"
              >
                {short}
              </text>
            </Link>
          );
        })}
        {islands.map((island) => (
          <g key={island.label}>
            <rect
              x={(columns + 0.4) * (SIZE + GAP)}
              y={island.row * (SIZE + GAP) + SIZE / 3}
              width={SIZE * 1.4}
              height={SIZE / 3}
              rx={4}
              fill={colours(byCode.get(island.code)?.percent).fill}
              opacity={0.7}
            />
            <text
              x={(columns + 0.4) * (SIZE + GAP)}
              y={island.row * (SIZE + GAP) + SIZE / 4}
              className="fill-slate-700 text-[9px]"
            >
              {island.label}
            </text>
          </g>
        ))}
      </svg>
      <MapLegend scale={scale} locale={locale} />
    </figure>
  );
}

/** The colour scale of both maps (and of the table's bars), with "no figures" after it. Prints in colour. */
export function MapLegend({ scale, locale }: { scale: ScaleStep[]; locale: Locale }) {
  const labels = scaleLabels(scale, locale);
  const m = publicMessages(locale);
  return (
    <figcaption className="mt-2 flex flex-wrap justify-center gap-3 text-xs text-slate-700 print:[print-color-adjust:exact]">
      {scale.map((step, i) => (
        <span key={step.min} className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: step.fill }} aria-hidden />
          {labels[i]}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-3 rounded-sm" style={{ background: NO_DATA_COLOUR.fill }} aria-hidden />
        {m.noData}
      </span>
    </figcaption>
  );
}

/** Initials that fit a square ("Hồ Chí Minh" → HCM), longer where two would collide (Hà Nội, Hà Nam). */
function shortNames(names: string[]): Map<string, string> {
  const initials = (name: string) =>
    name
      .split(" ")
      .map((w) => w[0])
      .join("")
      .toUpperCase();
  const count = new Map<string, number>();
  for (const n of names) count.set(initials(n), (count.get(initials(n)) ?? 0) + 1);
  return new Map(
    names.map((name) => {
      const words = name.split(" ");
      if (words.length === 1) return [name, name.slice(0, 4)];
      if ((count.get(initials(name)) ?? 0) === 1) return [name, initials(name)];
      const last = words.at(-1) as string;
      return [name, `${initials(words.slice(0, -1).join(" "))}${last.slice(0, 2)}`];
    }),
  );
}
