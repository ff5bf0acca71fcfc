import { beforeEach, describe, expect, it } from "vitest";
import { seedProvinces } from "@/lib/unit-imports/seed-provinces";
import { listProvinces } from "@/lib/units/province-service";
import { connectTestDatabase, resetDatabase } from "../setup/database";

const prisma = connectTestDatabase();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeEach(resetDatabase);

describe("provinces across the 1 July 2025 reorganisation", () => {
  it("lists 63 provinces before the change and 34 from it", async () => {
    await seedProvinces(prisma);
    expect(await listProvinces(prisma, day("2024-03-15"))).toHaveLength(63);
    expect(await listProvinces(prisma, day("2025-06-30"))).toHaveLength(63);
    expect(await listProvinces(prisma, day("2025-07-01"))).toHaveLength(34);
    expect(await listProvinces(prisma, day("2026-11-22"))).toHaveLength(34);
  });

  it("keeps a reused code apart by period: 37 is Ninh Bình in both, 35 Hà Nam only before", async () => {
    await seedProvinces(prisma);
    const before = await listProvinces(prisma, day("2024-01-01"));
    const after = await listProvinces(prisma, day("2026-01-01"));
    expect(before.find((p) => p.code === "35")?.name).toBe("Hà Nam");
    expect(after.find((p) => p.code === "35")).toBeUndefined();
    expect(after.find((p) => p.code === "37")).toEqual({ code: "37", name: "Ninh Bình", type: "Tỉnh" });
    expect(after.filter((p) => p.type === "Thành phố").map((p) => p.name)).toEqual([
      "Hà Nội",
      "Hải Phòng",
      "Huế",
      "Đà Nẵng",
      "Đồng Nai",
      "Hồ Chí Minh",
      "Cần Thơ",
    ]);
  });

  it("seeds once: a second run inserts nothing", async () => {
    expect(await seedProvinces(prisma)).toBe(97);
    expect(await seedProvinces(prisma)).toBe(0);
    expect(await prisma.unit.count()).toBe(97);
  });
});
