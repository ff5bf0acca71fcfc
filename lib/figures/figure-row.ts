/** A figure as the database gives it: one unit's value of one indicator for a week. */
export type FigureRow = {
  unit_id: number;
  indicator_id: number;
  value: number;
  denominator: number | null;
  version: number;
  entered_by: string;
};
