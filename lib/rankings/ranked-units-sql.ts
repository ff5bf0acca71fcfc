/**
 * The units ranked: those of level $2 in force on `date` (a SQL parameter), under ancestor
 * $3 when given (districts of a province; communes of a district or of a province).
 */
export function rankedUnitsSql(date: string): string {
  return `SELECT u.id, u.code, u.name FROM unit u
  WHERE u.level = $2::"UnitLevel"
    AND u.valid_from <= ${date}::date AND (u.valid_to IS NULL OR u.valid_to >= ${date}::date)
    AND ($3::int IS NULL OR u.parent_id = $3::int
         OR u.parent_id IN (SELECT id FROM unit WHERE parent_id = $3::int))`;
}
