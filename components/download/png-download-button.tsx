"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locale";
import { pictureMessages } from "@/lib/i18n/picture-messages";
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
  locale,
}: {
  target: string;
  fileName: string;
  label: string;
  frame?: PngFrame;
  locale: Locale;
}) {
  const [error, setError] = useState<string | null>(null);
  const m = pictureMessages(locale);

  async function save() {
    setError(null);
    // The drawing on screen: a chart draws one per screen width and hides the others.
    const drawings = document.getElementById(target)?.querySelectorAll("svg") ?? [];
    const svg = [...drawings].find((d) => d.getBoundingClientRect().width > 0);
    if (!svg) {
      setError(m.pictureNotReady);
      return;
    }
    // The drawing code loads on the first click: most visitors never save a picture.
    const drawing = await import("./svg-to-png").catch(() => null);
    if (!drawing) {
      setError(m.pictureNotLoaded);
      return;
    }
    try {
      const blob = await drawing.toPng(svg, frame);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError(m.pictureFailed);
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
