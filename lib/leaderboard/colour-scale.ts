import type { Locale } from "@/lib/i18n/locale";

// One colour scale for everything that colours a unit by its progress: the table's bars, both
// maps and their legend, downloaded pictures and print. Done is green, nearly done is a
// lighter green, and only units far behind are red, so 99,89 % never looks like 40 %.

/** A step of the scale: from `min` percent (inclusive) up to the next step's. */
export type ScaleStep = { min: number; fill: string; text: string };

/** Darkest green to red; labels are dark or white, whichever reads on the fill. */
const PALETTE = [
  { fill: "#047857", text: "#ffffff" },
  { fill: "#65a30d", text: "#0f172a" },
  { fill: "#ca8a04", text: "#0f172a" },
  { fill: "#ea580c", text: "#0f172a" },
  { fill: "#b91c1c", text: "#ffffff" },
] as const;
export const NO_DATA_COLOUR = { fill: "#cbd5e1", text: "#0f172a" };

/** Percent of target: done, nearly done, then behind in steps. */
const TARGET_STEPS = [100, 90, 75, 50, 0];

/**
 * The scale for a ranking: by percent of target, or for a scorecard by its own bands (percent
 * of the maximum points; the top band is "done"), with 50 % as the line below which a unit is
 * far behind. Steps run from the highest down; colours are spread over the palette so the top
 * is always green and the bottom always red.
 */
export function colourScale(bands?: number[] | null): ScaleStep[] {
  const mins = bands?.length
    ? [...new Set([...bands.filter((b) => b > 0 && b <= 100), 50, 0])].sort((a, b) => b - a)
    : TARGET_STEPS;
  const last = PALETTE.length - 1;
  return mins.map((min, i) => {
    const { fill, text } =
      PALETTE[mins.length === 1 ? 0 : Math.round((i * last) / (mins.length - 1))] ?? NO_DATA_COLOUR;
    return { min, fill, text };
  });
}

/** The step a percent falls in (null: no data). */
export function colourOf(scale: ScaleStep[], percent: number | null): { fill: string; text: string } {
  if (percent === null) return NO_DATA_COLOUR;
  return scale.find((s) => percent >= s.min) ?? scale.at(-1) ?? NO_DATA_COLOUR;
}

/** Each step's legend label: "≥ 100 %", "90 – 100 %", "< 50 %" (English: "≥ 100%", "90–100%", "< 50%"). */
export function scaleLabels(scale: ScaleStep[], locale: Locale): string[] {
  const pc = (n: number) => (locale === "vi" ? `${n} %` : `${n}%`);
  return scale.map((step, i) => {
    const above = scale[i - 1];
    if (!above) return `≥ ${pc(step.min)}`;
    if (step.min === 0) return `< ${pc(above.min)}`;
    return locale === "vi" ? `${step.min} – ${pc(above.min)}` : `${step.min}–${pc(above.min)}`;
  });
}
