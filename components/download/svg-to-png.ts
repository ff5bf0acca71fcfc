/**
 * Draws an SVG on screen (a map or a chart) as a PNG: at twice its size, on white, with the
 * text styles it has on screen, framed by what it shows (title, date, legend, source).
 * Loaded only when someone saves a picture.
 *
 * An SVG drawn as an image may not load anything from outside itself, so the product's font
 * faces (the weights the SVG uses) go into it as data: URLs; without them the text would be
 * drawn in whatever system font the browser falls back to.
 */

/**
 * What a saved picture says around the map or chart, so that shared in a chat group it still
 * tells what it is: a title, a line of what and when, the legend, and the source with this
 * site's address (added in the browser).
 */
export type PngFrame = { title: string; subtitle: string; legend?: { fill: string; label: string }[]; source: string };

const SVG_NS = "http://www.w3.org/2000/svg";

export async function toPng(svg: SVGSVGElement, frame?: PngFrame): Promise<Blob> {
  const inner = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Styles come from CSS classes on screen; a standalone image needs them written inline.
  const source = svg.querySelectorAll<SVGElement>("*");
  const weights = new Set<string>(); // of the text, to embed only the font files it needs
  clone.querySelectorAll<SVGElement>("*").forEach((node, i) => {
    const style = getComputedStyle(source[i] as SVGElement);
    if (node instanceof SVGTextContentElement) weights.add(style.getPropertyValue("font-weight"));
    for (const property of [
      "fill",
      "stroke",
      "stroke-width",
      "stroke-dasharray",
      "font-size",
      "font-family",
      "font-weight",
      "opacity",
    ])
      node.style.setProperty(property, style.getPropertyValue(property));
    // The picture is in the product's typeface, whatever font the page is drawn in.
    if (node instanceof SVGTextContentElement) node.style.setProperty("font-family", `"${PRODUCT_FONT}", sans-serif`);
  });
  if (frame) weights.add("400").add("700");
  const fontFaces = await embeddedFontFaces(weights);
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(inner.width));
  clone.setAttribute("height", String(inner.height));
  const picture = frame ? framed(clone, inner, frame) : clone;
  if (fontFaces) {
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = fontFaces;
    picture.insertBefore(style, picture.firstChild);
  }
  const box = { width: Number(picture.getAttribute("width")), height: Number(picture.getAttribute("height")) };
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(picture))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("svg"));
    image.src = url;
  });
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("png"))), "image/png"),
  );
}

/** The picture inside a frame: title and subtitle above, legend and source below, all in the product's font. */
function framed(picture: SVGSVGElement, size: { width: number; height: number }, frame: PngFrame): SVGSVGElement {
  const width = Math.max(Math.round(size.width), 640);
  // A long title wraps onto a second line (at about 11 px a character at 20 px bold), never off the edge.
  const titleLines = wrapped(frame.title, Math.floor((width - 32) / 11));
  const top = 76 + (titleLines.length - 1) * 26;
  const legendHeight = frame.legend?.length ? 30 : 0;
  const height = top + Math.round(size.height) + legendHeight + 36;
  const outer = document.createElementNS(SVG_NS, "svg");
  outer.setAttribute("xmlns", SVG_NS);
  outer.setAttribute("width", String(width));
  outer.setAttribute("height", String(height));
  const add = (name: string, attributes: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    outer.appendChild(node);
    return node;
  };
  const font = { "font-family": `"${PRODUCT_FONT}", sans-serif` };
  add("rect", { width, height, fill: "#ffffff" });
  for (const [i, line] of titleLines.entries())
    add("text", { x: 16, y: 32 + i * 26, "font-size": 20, "font-weight": 700, fill: "#0f172a", ...font }, line);
  add("text", { x: 16, y: top - 18, "font-size": 15, fill: "#334155", ...font }, frame.subtitle);
  picture.setAttribute("x", String(Math.round((width - size.width) / 2)));
  picture.setAttribute("y", String(top));
  outer.appendChild(picture);
  let x = 16;
  const legendY = top + Math.round(size.height) + 8;
  for (const item of frame.legend ?? []) {
    add("rect", { x, y: legendY, width: 14, height: 14, rx: 3, fill: item.fill });
    add("text", { x: x + 20, y: legendY + 12, "font-size": 13, fill: "#334155", ...font }, item.label);
    x += 32 + item.label.length * 7.5;
  }
  add(
    "text",
    { x: 16, y: height - 12, "font-size": 13, fill: "#475569", ...font },
    `${frame.source} · ${window.location.host}`,
  );
  return outer;
}

/** Words into at most two lines of `chars` characters; what does not fit ends in "…". */
function wrapped(text: string, chars: number): string[] {
  const lines = [""];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    const next = lines[last] ? `${lines[last]} ${word}` : word;
    if (next.length <= chars || !lines[last]) lines[last] = next;
    else if (lines.length < 2) lines.push(word);
    else {
      lines[last] = `${(lines[last] as string).slice(0, Math.max(0, chars - 1))}…`;
      break;
    }
  }
  return lines;
}

const PRODUCT_FONT = "Be Vietnam Pro";
const fontFileCache = new Map<string, Promise<string>>();

/**
 * @font-face rules for the product's font in the given weights (all of its unicode-range
 * subsets, so Vietnamese letters are covered), each file inlined as a data: URL. Files are
 * fetched from this site once per page and kept.
 */
async function embeddedFontFaces(weights: Set<string>): Promise<string> {
  const available: { source: string; weight: number; unicodeRange: string }[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from another origin: not ours
    }
    for (const rule of Array.from(cssRules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue("font-family").replace(/["']/g, "").trim();
      const fontStyle = rule.style.getPropertyValue("font-style").trim() || "normal";
      const source = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      if (family !== PRODUCT_FONT || fontStyle !== "normal" || !source) continue;
      available.push({
        // A url() in a stylesheet is relative to the stylesheet, not to the page.
        source: new URL(source, sheet.href ?? document.baseURI).href,
        weight: Number(rule.style.getPropertyValue("font-weight").trim() || 400),
        unicodeRange: rule.style.getPropertyValue("unicode-range").trim(),
      });
    }
  }
  if (available.length === 0) return "";
  // A weight the product does not ship is drawn by the browser in the nearest one it has.
  const wanted = new Set<number>();
  for (const weight of weights) {
    const asked = Number(weight) || 400;
    const nearest = available.reduce((best, face) =>
      Math.abs(face.weight - asked) < Math.abs(best.weight - asked) ? face : best,
    );
    wanted.add(nearest.weight);
  }
  try {
    const faces = await Promise.all(
      available
        .filter((face) => wanted.has(face.weight))
        .map(async ({ source, weight, unicodeRange }) => {
          const dataUrl = await fontFileAsDataUrl(source);
          const range = unicodeRange ? `unicode-range:${unicodeRange};` : "";
          return `@font-face{font-family:"${PRODUCT_FONT}";font-style:normal;font-weight:${weight};${range}src:url(${dataUrl}) format("woff2");}`;
        }),
    );
    return faces.join("\n");
  } catch {
    return ""; // the font could not be fetched: still give the picture, in a system font
  }
}

function fontFileAsDataUrl(href: string): Promise<string> {
  let pending = fontFileCache.get(href);
  if (!pending) {
    pending = fetch(href)
      .then((response) => {
        if (!response.ok) throw new Error(`font ${response.status}`);
        return response.blob();
      })
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(String(reader.result).replace(/^data:[^;,]*/, "data:font/woff2"));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
          }),
      );
    pending.catch(() => fontFileCache.delete(href));
    fontFileCache.set(href, pending);
  }
  return pending;
}
