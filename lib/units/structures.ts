import { todayInVietnam } from "@/lib/format/dates";

/** The two administrative structures users compare: 63 provinces until 30 June 2025, 34 after. */
export type Structure = "63" | "34";

/** The 63-province structure took effect when Hà Tây joined Hà Nội (1 August 2008). */
export const STRUCTURE_63_FROM = new Date("2008-08-01T00:00:00Z");
export const STRUCTURE_63_TO = new Date("2025-06-30T00:00:00Z");
/** Nghị quyết 202/2025/QH15: 34 provinces from 1 July 2025. */
export const STRUCTURE_34_FROM = new Date("2025-07-01T00:00:00Z");

export function parseStructure(value: unknown): Structure {
  return value === "63" ? "63" : "34";
}

/** A date on which the structure is in force: its last day for 63, today for 34. */
export function structureDate(structure: Structure, today: Date = todayInVietnam()): Date {
  return structure === "63" ? STRUCTURE_63_TO : today;
}
