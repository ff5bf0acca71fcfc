import "server-only";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { publicMessages } from "@/lib/i18n/public-messages";
import { colourOf, colourScale, scaleLabels } from "@/lib/leaderboard/colour-scale";
import { measureOfItems, shownFigure, shownPercent } from "@/lib/leaderboard/shown-figures";
import { WorkLimit } from "@/lib/limits/work-limits";
import { getUnitProfile } from "@/lib/unit-profile/get-unit-profile";
import { type CardContent, shareCardSvg } from "./card-svg";

/**
 * What a unit's share card says, from the same profile its public page shows (so the card
 * and the page never disagree), or null when there is no such unit.
 */
export async function shareCardContent(
  prisma: PrismaClient,
  code: string,
  params: { indicator?: string; date?: string },
  locale: Locale,
  address: string,
): Promise<CardContent | null> {
  const profile = await getUnitProfile(prisma, code, params);
  if (!profile) return null;
  const m = publicMessages(locale);
  const f = formatsFor(locale);
  const { unit, standing } = profile;
  const item = standing?.item ?? null;
  const measure = item ? measureOfItems([item]) : "count";
  const percent = item ? shownPercent(item) : null;
  const scale = colourScale(profile.bands);
  const labels = scaleLabels(scale, locale);
  const target = profile.targets.filter((t) => t.assignedOn <= profile.asOf).at(-1)?.value ?? null;
  const figure = item ? shownFigure(item, f) : "";
  const headline =
    measure === "score" && item?.score != null
      ? `${f.points(item.score)}/${f.points(item.maxScore ?? null)}`
      : f.percent(percent) || "–";
  const within = profile.ancestors.at(-1);
  return {
    brand: m.cardBrand,
    indicator: locale === "en" ? profile.indicator.nameEn : profile.indicator.name,
    unit: `${unit.type} ${unit.name}`,
    headline,
    headlineNote: measure === "score" ? m.cardScore : measure === "ratio" ? m.cardShare : m.cardOfTarget,
    colour: colourOf(scale, percent),
    percent,
    detail: !figure
      ? m.noFiguresShort
      : measure === "count" && target !== null
        ? m.cardTarget(figure, f.count(target))
        : figure,
    rank:
      item?.rank && standing
        ? m.cardRank(item.rank, standing.of, within ? `${within.type} ${within.name}` : null)
        : null,
    legendTitle: m.cardLegend,
    legend: scale.map((step, i) => ({ fill: step.fill, label: labels[i] ?? "" })),
    date: `${m.cardApproved} ${f.date(profile.asOf)}`,
    source: m.pictureSource,
    address,
  };
}

// Full TrueType files of the product's typeface: the rasteriser reads neither WOFF nor the
// browser subsets, and must not fall back to whatever fonts the server happens to have.
const FONT_DIR = join(process.cwd(), "node_modules", "@expo-google-fonts", "be-vietnam-pro");
export const FONT_FILES = ["400Regular/BeVietnamPro_400Regular.ttf", "700Bold/BeVietnamPro_700Bold.ttf"].map((f) =>
  join(FONT_DIR, f),
);

/** Drawing a card takes tens of milliseconds of CPU: a few at once, a short line, then 503. */
const DRAWING = new WorkLimit({
  running: 2,
  waiting: 8,
  retryAfterSeconds: 5,
  busyMessage: "Máy chủ đang vẽ nhiều ảnh; thử lại sau ít giây.",
});

/** The card as a PNG of 1200×630. */
export function drawShareCard(card: CardContent): Promise<Buffer> {
  return DRAWING.run(async () =>
    new Resvg(shareCardSvg(card), {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "Be Vietnam Pro" },
    })
      .render()
      .asPng(),
  );
}
