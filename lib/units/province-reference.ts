import "server-only";
import provinces from "./provinces.json";

// Province-level units of Vietnam (GSO codes and names, in provinces.json), a public fact list
// small enough to ship with the product so a fresh install shows real names before any
// import. Full lists (districts, communes) are loaded with the unit importer.
export type ProvinceReference = {
  code: string;
  name: string;
  nameEn: string;
  type: "Tỉnh" | "Thành phố";
};

/** The 63 provinces in force until 30 June 2025. */
export const PROVINCES_BEFORE_2025 = checked(provinces.before2025);

/** The 34 provinces in force from 1 July 2025 (Nghị quyết 202/2025/QH15). */
export const PROVINCES_FROM_2025 = checked(provinces.from2025);

/** The file's rows as references: a type other than "Tỉnh" or "Thành phố" is a mistake in the file. */
function checked(rows: { code: string; name: string; nameEn: string; type: string }[]): readonly ProvinceReference[] {
  return rows.map((row) => {
    if (row.type !== "Tỉnh" && row.type !== "Thành phố") throw new Error(`provinces.json: ${row.code} ${row.type}`);
    return { ...row, type: row.type };
  });
}
