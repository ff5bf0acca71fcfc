import type { ClipboardEvent, KeyboardEvent } from "react";

// Spreadsheet habits on the entry grid: arrows and Enter move between cells, and a block
// copied from Excel (tab-separated lines) is pasted from the focused cell on.

function focusCell(row: number, col: number) {
  const target = document.querySelector<HTMLInputElement>(`[data-cell="${row}:${col}"]`);
  if (target) {
    target.focus();
    target.select();
  }
}

export function moveOnKey(event: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
  const input = event.currentTarget;
  const to =
    event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey)
      ? [row + 1, col]
      : event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)
        ? [row - 1, col]
        : event.key === "ArrowRight" && input.selectionStart === input.value.length
          ? [row, col + 1]
          : event.key === "ArrowLeft" && input.selectionEnd === 0
            ? [row, col - 1]
            : null;
  if (!to) return;
  event.preventDefault();
  focusCell(to[0] as number, to[1] as number);
}

/** The pasted block as lines of cells, or null for a single value (the input takes it as usual). */
export function pastedBlock(event: ClipboardEvent<HTMLInputElement>): string[][] | null {
  const text = event.clipboardData.getData("text/plain");
  if (!/[\t\n]/.test(text.trim())) return null;
  event.preventDefault();
  return text
    .replace(/\r/g, "")
    .replace(/\n+$/, "")
    .split("\n")
    .map((line) => line.split("\t"));
}
