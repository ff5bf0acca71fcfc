import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedProvinces } from "@/lib/units/seed-provinces";

export type DemoSummary = { provinces: number };

/** True when nothing has been loaded yet: the first start of a new database. */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.unit.count()) === 0;
}

/** Demo data for a fresh install. Safe to run twice: existing rows are kept. */
export async function seedDemo(prisma: PrismaClient): Promise<DemoSummary> {
  return { provinces: await seedProvinces(prisma) };
}
