// Approximate positions of the provinces on a grid, one square each, north at the top: a map
// that needs no boundary file. [column, row], from the provinces' geographic centres, in
// tile-positions.json for each structure.
import positions from "./tile-positions.json";

export type TilePosition = readonly [column: number, row: number];

export const TILES_34 = tiles(positions["34"]);
export const TILES_63 = tiles(positions["63"]);

/** The file's [column, row] pairs as positions (a pair of any other length is a mistake in the file). */
function tiles(grid: Record<string, number[]>): Readonly<Record<string, TilePosition>> {
  return Object.fromEntries(
    Object.entries(grid).map(([code, [column, row, ...rest]]) => {
      if (column === undefined || row === undefined || rest.length) throw new Error(`tile-positions.json: ${code}`);
      return [code, [column, row] as const];
    }),
  );
}
