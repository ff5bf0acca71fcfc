import { z } from "zod";
import type { UnitLevel } from "@/lib/generated/prisma/enums";

/** A level as addresses and answers write it. */
export type LevelName = "province" | "district" | "commune";

export const LEVEL_NAMES: Record<UnitLevel, LevelName> = {
  PROVINCE: "province",
  DISTRICT: "district",
  COMMUNE: "commune",
};

const LEVELS: Record<string, UnitLevel> = { province: "PROVINCE", district: "DISTRICT", commune: "COMMUNE" };

/** The level a name says (any case), or null. */
export function parseLevel(text: string): UnitLevel | null {
  return LEVELS[text.toLowerCase()] ?? null;
}

/** `level`: province (the default), district or commune, in any case. */
export function levelField() {
  return z
    .string()
    .default("province")
    .transform((text, ctx) => {
      const level = parseLevel(text);
      if (level) return level;
      ctx.addIssue({ code: "custom", message: "level phải là province, district hoặc commune." });
      return z.NEVER;
    })
    .meta({ enum: ["province", "district", "commune"], description: "Cấp đơn vị (mặc định province)." });
}
