import { z } from "zod";
import type { UnitLevel } from "@/lib/generated/prisma/enums";

// The GSO unit list format of ../shared/data/vn-units-*.json: provinces with either
// districts (District[].Ward[]: the 3-level structure before 1 July 2025) or communes
// directly (Wards[]: the 2-level structure after).
const ZNamed = z.object({
  Code: z.string().regex(/^\d+$/),
  Name: z.string().min(1),
  NameEn: z.string().default(""),
  FullName: z.string().min(1),
});
const ZDistrict = ZNamed.extend({ Ward: z.array(ZNamed).nullable().default([]) });
const ZProvince = ZNamed.extend({
  District: z.array(ZDistrict).optional(),
  Wards: z.array(ZNamed).optional(),
});
export const ZUnitListFile = z.array(ZProvince).min(1);

export type ListedUnit = {
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
};

/** "Phường Phúc Xá" named "Phúc Xá" is of type "Phường"; "xã" is written "Xã". */
function typeOf(unit: z.infer<typeof ZNamed>): string {
  const prefix = unit.FullName.endsWith(unit.Name)
    ? unit.FullName.slice(0, unit.FullName.length - unit.Name.length).trim()
    : (unit.FullName.split(" ")[0] ?? "");
  return prefix.charAt(0).toLocaleUpperCase("vi") + prefix.slice(1);
}

/** Flattens the file into units, parents before children. */
export function flattenUnitList(file: z.infer<typeof ZUnitListFile>): ListedUnit[] {
  const out: ListedUnit[] = [];
  const add = (u: z.infer<typeof ZNamed>, level: UnitLevel, parentCode: string | null) =>
    out.push({ code: u.Code, level, type: typeOf(u), name: u.Name, nameEn: u.NameEn, parentCode });
  for (const p of file) add(p, "PROVINCE", null);
  for (const p of file) for (const d of p.District ?? []) add(d, "DISTRICT", p.Code);
  for (const p of file) {
    for (const d of p.District ?? []) for (const w of d.Ward ?? []) add(w, "COMMUNE", d.Code);
    for (const w of p.Wards ?? []) add(w, "COMMUNE", p.Code);
  }
  return out;
}
