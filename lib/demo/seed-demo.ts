import "server-only";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { reportDueSettings } from "@/lib/env";
import { parseIsoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importCrosswalk, ZCrosswalkFile } from "@/lib/unit-imports/import-crosswalk";
import { importUnits } from "@/lib/unit-imports/import-units";
import { seedProvinces } from "@/lib/unit-imports/seed-provinces";
import { flattenUnitList, ZUnitListFile } from "@/lib/unit-imports/unit-list-file";
import { seedDemoEditions } from "./demo-editions";
import { seedQualityDemo } from "./demo-quality";
import { generateDemo } from "./generate-demo";

/** The GSO lists the demo loads when they are available, and the date each holds from. */
const UNIT_LISTS = [
  { file: "vn-units-2025-03.json", validFrom: "2023-01-01" },
  { file: "vn-units-2026-07.json", validFrom: "2025-07-01" },
] as const;
const CROSSWALK = "vn-merger-2025-splits.json";

export type DemoSummary = { provinces: number; units: number; figures: number; targets: number };

/** True when nothing has been loaded yet: the first start of a new database. */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.unit.count()) === 0;
}

/**
 * Demo data for a fresh install: the 63 + 34 provinces always; every district and commune
 * and the 2025 crosswalk when the reference lists are in `unitsDir`; then weekly figures
 * and targets for `weeks` weeks. Safe to run again.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: { weeks: number; unitsDir?: string; onProgress?: (message: string) => void },
): Promise<DemoSummary> {
  const progress = options.onProgress ?? (() => {});
  const provinces = await seedProvinces(prisma);
  let units = 0;
  const dir = options.unitsDir;
  if (dir && UNIT_LISTS.every((l) => existsSync(path.join(dir, l.file)))) {
    for (const list of UNIT_LISTS) {
      progress(`Nạp danh sách đơn vị ${list.file}…`);
      const parsed = ZUnitListFile.parse(JSON.parse(await fs.readFile(path.join(dir, list.file), "utf8")));
      const result = await importUnits(prisma, flattenUnitList(parsed), parseIsoDate(list.validFrom) as Date);
      units += result.inserted + result.changed;
    }
    if (existsSync(path.join(dir, CROSSWALK))) {
      progress("Nạp bảng chuyển đổi đơn vị cũ → mới…");
      const crosswalk = ZCrosswalkFile.parse(JSON.parse(await fs.readFile(path.join(dir, CROSSWALK), "utf8")));
      await importCrosswalk(prisma, crosswalk, parseIsoDate("2025-06-30") as Date, parseIsoDate("2025-07-01") as Date);
    }
  }
  const { figures, targets } = await generateDemo(prisma, {
    weeks: options.weeks,
    seed: "de-an-06",
    onProgress: progress,
  });
  progress("Tuần có cảnh báo chất lượng và trích xuất đối chiếu CSDL quốc gia về dân cư…");
  await seedQualityDemo(prisma);
  // Published editions, one with a correction (from the reporting calendar's due times).
  await seedDemoEditions(prisma, reportDueSettings(), progress);
  return { provinces, units, figures, targets };
}
