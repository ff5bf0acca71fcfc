"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PngFrame } from "./svg-to-png";

export type { PngFrame };

/**
 * Saves the SVG inside the element with id `target` (a map or a chart) as a PNG named
 * `fileName` (drawn by ./svg-to-png.ts). Everything happens in the browser: nothing is sent
 * anywhere.
 */
export function PngDownloadButton({
  target,
  fileName,
  label,
  frame,
}: {
  target: string;
  fileName: string;
  label: string;
  frame?: PngFrame;
}) {
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    // The drawing on screen: a chart draws one per screen width and hides the others.
    const drawings = document.getElementById(target)?.querySelectorAll("svg") ?? [];
    const svg = [...drawings].find((d) => d.getBoundingClientRect().width > 0);
    if (!svg) {
      setError("Chưa có hình để tải; đợi biểu đồ hiện ra rồi bấm lại.");
      return;
    }
    try {
      // The drawing code loads on the first click: most visitors never save a picture.
      const { toPng } = await import("./svg-to-png");
      const blob = await toPng(svg, frame);
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
