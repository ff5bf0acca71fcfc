import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATOR, pickIndicator } from "@/lib/indicators/indicators";
import { CORE_INDICATORS, connectTestDatabase, resetDatabase } from "../setup/database";

const prisma = connectTestDatabase();

describe("the indicator an address asks for", () => {
  it("is the code named in any case, else the default, whatever the address holds", async () => {
    await resetDatabase();
    expect((await pickIndicator(prisma, "cccd_issued")).indicator.code).toBe("CCCD_ISSUED");
    expect((await pickIndicator(prisma, " VNEID_L2_INTAKE ")).indicator.code).toBe("VNEID_L2_INTAKE");
    for (const asked of [undefined, "", "KHONG_CO", ["CCCD_ISSUED", "CCCD_INTAKE"], 42])
      expect((await pickIndicator(prisma, asked)).indicator.code, String(asked)).toBe(DEFAULT_INDICATOR);
    const { indicators } = await pickIndicator(prisma, null);
    // The program's order: the core indicators as the migration defines them.
    expect(indicators.map((i) => i.code)).toEqual(CORE_INDICATORS);
  });
});
