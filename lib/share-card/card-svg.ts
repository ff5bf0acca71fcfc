/**
 * A unit's share card as an SVG of 1200×630 (the size chat apps and link previews show):
 * what it measures, for whom, the figure in the colour of the product's scale, the rank,
 * the legend of that scale, the date and where it comes from. Text stays text here, so what
 * the card says can be read before it is rasterised.
 */
export type CardContent = {
  brand: string;
  indicator: string;
  unit: string;
  /** The big figure: a percent of target, a share, or a scorecard's points. */
  headline: string;
  /** What the big figure is ("của chỉ tiêu"). */
  headlineNote: string;
  colour: { fill: string; text: string };
  /** 0–100 and beyond, for the bar; null: no data, no bar. */
  percent: number | null;
  detail: string;
  rank: string | null;
  legendTitle: string;
  legend: { fill: string; label: string }[];
  date: string;
  source: string;
  address: string;
};

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 60;
const FONT = "Be Vietnam Pro";
const INK = "#0f172a";
const MUTED = "#475569";

export function shareCardSvg(card: CardContent): string {
  const width = CARD_WIDTH - 2 * MARGIN;
  const indicator = wrap(card.indicator, width, 34, 2);
  const unitSize = fitSize(card.unit, width, 60, 36, true);
  const unit = cut(card.unit, width, unitSize);
  let y = 96;
  const parts: string[] = [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="${card.colour.fill}"/>`,
    text(MARGIN, 64, card.brand, { size: 20, weight: 700, fill: "#1d4ed8" }),
  ];
  for (const line of indicator) {
    parts.push(text(MARGIN, y + 14, line, { size: 34, weight: 700, fill: INK }));
    y += 44;
  }
  y += unitSize + 6;
  parts.push(text(MARGIN, y, unit, { size: unitSize, weight: 700, fill: INK }));

  // The figure, its note and the bar under it.
  y += 112;
  parts.push(text(MARGIN, y, card.headline, { size: 104, weight: 700, fill: darker(card.colour.fill) }));
  const headlineWidth = textWidth(card.headline, 104, true);
  parts.push(text(MARGIN + headlineWidth + 20, y, card.headlineNote, { size: 30, weight: 400, fill: MUTED }));
  y += 30;
  parts.push(`<rect x="${MARGIN}" y="${y}" width="${width}" height="22" rx="11" fill="#e2e8f0"/>`);
  if (card.percent !== null) {
    const filled = Math.max(22, Math.min(1, card.percent / 100) * width);
    parts.push(
      `<rect x="${MARGIN}" y="${y}" width="${round(filled)}" height="22" rx="11" fill="${card.colour.fill}"/>`,
    );
  }
  // The rank beside the figure's detail when both fit on one line, else under it.
  y += 60;
  parts.push(text(MARGIN, y, card.detail, { size: 28, weight: 400, fill: INK }));
  if (card.rank) {
    const beside = textWidth(card.detail, 28, false) + textWidth(card.rank, 30, true) + 40 <= width;
    if (!beside) y += 42;
    parts.push(
      text(beside ? CARD_WIDTH - MARGIN : MARGIN, y, cut(card.rank, width, 30), {
        size: 30,
        weight: 700,
        fill: INK,
        end: beside,
      }),
    );
  }

  // The legend, then the date, the source and the address along the bottom.
  let x = MARGIN;
  const legendY = CARD_HEIGHT - 92;
  parts.push(text(x, legendY, `${card.legendTitle}:`, { size: 22, weight: 700, fill: MUTED }));
  x += textWidth(`${card.legendTitle}:`, 22, true) + 18;
  for (const step of card.legend) {
    parts.push(`<rect x="${round(x)}" y="${legendY - 19}" width="24" height="24" rx="4" fill="${step.fill}"/>`);
    parts.push(text(x + 32, legendY, step.label, { size: 22, weight: 400, fill: INK }));
    x += 32 + textWidth(step.label, 22, false) + 26;
  }
  parts.push(
    `<line x1="${MARGIN}" y1="${CARD_HEIGHT - 66}" x2="${CARD_WIDTH - MARGIN}" y2="${CARD_HEIGHT - 66}" stroke="#cbd5e1" stroke-width="2"/>`,
  );
  parts.push(text(MARGIN, CARD_HEIGHT - 30, `${card.date} · ${card.source}`, { size: 22, weight: 400, fill: MUTED }));
  parts.push(
    text(CARD_WIDTH - MARGIN, CARD_HEIGHT - 30, card.address, { size: 22, weight: 700, fill: "#1d4ed8", end: true }),
  );

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">${parts.join("")}</svg>`;
}

function text(
  x: number,
  y: number,
  content: string,
  style: { size: number; weight: 400 | 700; fill: string; end?: boolean },
): string {
  const anchor = style.end ? ` text-anchor="end"` : "";
  return `<text x="${round(x)}" y="${round(y)}" font-family="${FONT}" font-size="${style.size}" font-weight="${style.weight}" fill="${style.fill}"${anchor}>${escapeXml(content)}</text>`;
}

/**
 * An estimate of a line's width in Be Vietnam Pro: an SVG has no line breaking, so long names
 * are wrapped or made smaller by this measure (generous, so nothing runs off the card).
 */
export function textWidth(content: string, size: number, bold: boolean): number {
  return content.length * size * (bold ? 0.62 : 0.56);
}

/** Words into at most `lines` lines of `width`; the last one ends with "…" when cut. */
function wrap(content: string, width: number, size: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of content.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size, true) <= width || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = cut(`${kept[lines - 1]} ${out[lines] ?? ""}`, width, size);
  return kept;
}

/** The line shortened to fit, ending with "…" when cut. */
function cut(content: string, width: number, size: number): string {
  if (textWidth(content, size, true) <= width) return content;
  let kept = content;
  while (kept.length > 1 && textWidth(`${kept}…`, size, true) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/** The largest size from `largest` down to `smallest` at which the line fits. */
function fitSize(content: string, width: number, largest: number, smallest: number, bold: boolean): number {
  let size = largest;
  while (size > smallest && textWidth(content, size, bold) > width) size -= 2;
  return size;
}

/** The figure's colour a shade darker than the bar's, so light greens still read on white. */
function darker(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * 0.8);
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function escapeXml(content: string): string {
  return content.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
