"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Saves the SVG inside the element with id `target` (a map or a chart) as a PNG at twice its
 * size, on white, with the text styles it has on screen, named `fileName`. Everything
 * happens in the browser: nothing is sent anywhere.
 *
 * An SVG drawn as an image may not load anything from outside itself, so the product's font
 * faces (the weights the SVG uses) go into it as data: URLs; without them the text would be
 * drawn in whatever system font the browser falls back to.
 */
export function PngDownloadButton({ target, fileName, label }: { target: string; fileName: string; label: string }) {
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    const svg = document.getElementById(target)?.querySelector("svg");
    if (!svg) {
      setError("Chưa có hình để tải; đợi biểu đồ hiện ra rồi bấm lại.");
      return;
    }
    try {
      const blob = await toPng(svg);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError("Trình duyệt không tạo được ảnh PNG; thử trình duyệt khác.");
    }
  }

  return (
    <span className="print:hidden">
      <Button variant="link" onClick={save}>
        {label}
      </Button>
      {error ? (
        <span role="alert" className="ml-2 text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}

async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const box = svg.getBoundingClientRect();
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
  });
  const fontFaces = await embeddedFontFaces(weights);
  if (fontFaces) {
    const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = fontFaces;
    clone.insertBefore(style, clone.firstChild);
  }
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(box.width));
  clone.setAttribute("height", String(box.height));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
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
