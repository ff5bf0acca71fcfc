import { z } from "zod";
import type { UnitLevel } from "@/lib/generated/prisma/enums";

// GSO unit codes: 2 digits for a province, 3 for a district, 5 for a commune. The one place
// that knows it; forms, files, the API and the CLI all check codes here.

const LEVEL_BY_LENGTH: Record<number, UnitLevel> = { 2: "PROVINCE", 3: "DISTRICT", 5: "COMMUNE" };

/** The level a code denotes, or null when it is not a unit code. */
export function levelOfCode(code: string): UnitLevel | null {
  return /^\d+$/.test(code) ? (LEVEL_BY_LENGTH[code.length] ?? null) : null;
}

export const UNIT_CODE_RULE = "Mã đơn vị gồm 2, 3 hoặc 5 chữ số.";

export const ZUnitCode = z
  .string()
  .trim()
  .refine((code) => levelOfCode(code) !== null, UNIT_CODE_RULE);
