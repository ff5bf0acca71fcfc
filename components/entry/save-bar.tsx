"use client";

import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { useEntryWords } from "./entry-words";

const SAVE_ID = "entry-save";
const LINK =
  "sr-only rounded bg-white px-3 py-2 font-semibold text-brand-700 underline focus:not-sr-only focus:inline-block focus:outline-2 focus:outline-slate-900";

/** Focuses an element instead of only scrolling to it, so the next key works from there. */
function focusOn(selector: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    event.preventDefault();
    target.focus();
    if (target instanceof HTMLInputElement) target.select();
  };
}

/**
 * Links shown when reached by Tab: straight to the first cell, or to the save button past a
 * province's hundreds of cells.
 */
export function SkipLinks() {
  const w = useEntryWords();
  return (
    <p className="mb-2 flex flex-wrap gap-2">
      {/* biome-ignore lint/a11y/useValidAnchor: a real link to the sheet (it works without JavaScript); the click also moves the focus into its first cell. */}
      <a href="#entry-sheet" className={LINK} onClick={focusOn("[data-cell]")}>
        {w.skipToFirstCell}
      </a>
      <a href={`#${SAVE_ID}`} className={LINK} onClick={focusOn(`#${SAVE_ID}`)}>
        {w.skipToSave}
      </a>
    </p>
  );
}

/**
 * The save button and what is not saved yet, kept at the bottom of the screen while the form
 * scrolls. Says apart what is unsaved, what is saved on this device only (it goes up when the
 * network is back) and what is on the server.
 */
export function SaveBar(props: {
  busy: boolean;
  dirty: boolean;
  unsaved: number;
  /** Cells typed wrong (not saved until corrected). */
  invalid: number;
  /** Figures of this week saved on the device, not yet on the server. */
  onDevice: number;
  submitQueued: boolean;
  grid: boolean;
  onSave: () => void;
}) {
  const w = useEntryWords();
  const state = props.invalid
    ? w.invalidCells(props.invalid)
    : props.dirty
      ? w.unsaved(props.unsaved)
      : props.onDevice
        ? w.onDeviceOnly(props.onDevice)
        : w.nothingUnsaved;
  return (
    <div className="sticky bottom-0 z-30 -mx-4 mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-300 bg-white/95 px-4 py-2 shadow-[0_-2px_6px_rgba(0,0,0,0.06)]">
      {/* aria-disabled, not disabled: the skip link can still focus it before anything is typed. */}
      <Button
        id={SAVE_ID}
        variant="primary"
        size="lg"
        aria-disabled={props.busy || !props.dirty}
        className="aria-disabled:opacity-60"
        onClick={() => {
          if (!props.busy && props.dirty) props.onSave();
        }}
      >
        {props.busy ? w.saving : w.save}
      </Button>
      <p className="min-w-0 flex-1 text-sm text-slate-700" data-testid="save-state">
        <span
          className={
            props.invalid
              ? "font-semibold text-red-800"
              : props.onDevice && !props.dirty
                ? "font-semibold text-sky-900"
                : ""
          }
        >
          {state}
        </span>
        {props.submitQueued ? w.reportWaitingFooter : ""}
        <span className="hidden sm:inline">
          {props.grid ? w.gridHelp : ""}
          {w.shortcut}
        </span>
      </p>
    </div>
  );
}
