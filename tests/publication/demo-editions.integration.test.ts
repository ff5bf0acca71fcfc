import { beforeAll, describe, expect, it } from "vitest";
import type { DueSettings } from "@/lib/calendar/due-times";
import { seedDemoEditions } from "@/lib/demo/demo-editions";
import { generateDemo } from "@/lib/demo/generate-demo";
import { getEdition } from "@/lib/publication/read-editions";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const SETTINGS: DueSettings = { COMMUNE: "1 17:00", DISTRICT: "2 17:00", PROVINCE: "3 17:00", MINISTRY: "4 17:00" };

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await generateDemo(prisma, { weeks: 6, seed: "de-an-06" });
});

describe("the demo's editions", () => {
  it("are two, the second correcting a figure of the first's week with the unlock's reason, and are not seeded twice", async () => {
    expect(await seedDemoEditions(prisma, SETTINGS)).toEqual([1, 2]);
    const second = await getEdition(prisma, 2);
    expect(second?.notices).toHaveLength(1);
    expect(second?.notices[0]).toMatchObject({ indicator: "CCCD_INTAKE", reason: expect.stringContaining("báo nhầm") });
    const [notice] = second?.notices ?? [];
    expect((notice?.newValue?.value ?? 0) - (notice?.oldValue?.value ?? 0)).toBe(37);
    expect(await seedDemoEditions(prisma, SETTINGS)).toEqual([]);
  });
});
