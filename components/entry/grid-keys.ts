import type { ClipboardEvent, KeyboardEvent } from "react";

// Spreadsheet habits on the entry grid: arrows and Enter move between cells, and a block
// copied from Excel (tab-separated lines) is pasted from the focused cell on.

/** How far a move looks past rows with no cell to type into (approved, locked rows). */
const MAX_SKIP = 1000;

/** Focuses the cell at (row, col), or the next one in the move's direction past rows without cells. */
function focusCell(row: number, col: number, step: [number, number]) {
  for (let i = 0, r = row, c = col; i < MAX_SKIP && r >= 0 && c >= 0; i++, r += step[0], c += step[1]) {
    const target = document.querySelector<HTMLInputElement>(`[data-cell="${r}:${c}"]`);
    if (target) {
      target.focus();
      target.select();
      return;
    }
    // Sideways, a missing column is the row's end.
    if (step[1] !== 0) return;
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
  const [r, c] = to as [number, number];
  focusCell(r, c, [Math.sign(r - row), Math.sign(c - col)]);
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
