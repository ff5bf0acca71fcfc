"use client";

import { useState } from "react";

/**
 * Saves the SVG inside the element with id `target` (a map or a chart) as a PNG at twice its
 * size, on white, with the text styles it has on screen, named `fileName`. Everything
 * happens in the browser: nothing is sent anywhere.
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
      <button type="button" onClick={save} className="font-semibold text-brand-700 underline">
        {label}
      </button>
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
  clone.querySelectorAll<SVGElement>("*").forEach((node, i) => {
    const style = getComputedStyle(source[i] as SVGElement);
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
