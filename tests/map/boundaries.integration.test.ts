import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidParamError } from "@/lib/errors";
import { importBoundaries, removeBoundaries } from "@/lib/map/import-boundaries";
import { getProvinceShapes } from "@/lib/map/province-shapes";
import { seedProvinces } from "@/lib/unit-imports/seed-provinces";
import { connectTestDatabase, resetDatabase } from "../setup/database";

// The real boundary files of ../shared/data (see its README), read through the product's importer.
const prisma = connectTestDatabase();
const DATA = path.resolve(import.meta.dirname, "../../../shared/data");
const read = (name: string) => JSON.parse(readFileSync(path.join(DATA, name), "utf8"));

beforeAll(async () => {
  await resetDatabase();
  await seedProvinces(prisma);
});

describe("province boundaries", () => {
  it("recognises the 34- and the 63-province files by their codes and draws every province", async () => {
    expect(await importBoundaries(prisma, read("vn-provinces-34.topo.json"))).toMatchObject({
      structure: "34",
      provinces: 34,
    });
    expect(await importBoundaries(prisma, read("vn-provinces-63.topo.json"))).toMatchObject({
      structure: "63",
      provinces: 63,
    });
    const shapes = await getProvinceShapes(prisma, "34");
    expect(shapes?.shapes).toHaveLength(34);
    for (const s of shapes?.shapes ?? []) expect(s.d).toMatch(/^M[\d.]+,[\d.]+/);
    // Khánh Hòa carries Trường Sa: many separate rings far to the east of its mainland.
    const khanhHoa = shapes?.shapes.find((s) => s.code === "56")?.d ?? "";
    expect(khanhHoa.split("M").length).toBeGreaterThan(20);
    const xs = [...khanhHoa.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeGreaterThan(0.9 * (shapes?.width ?? 0));
  });

  it("refuses a file missing a province, or one that is not TopoJSON, and keeps what was there", async () => {
    const file = read("vn-provinces-34.topo.json");
    const object = file.objects.vn34;
    object.geometries = object.geometries.filter((g: { properties: { code: string } }) => g.properties.code !== "01");
    await expect(importBoundaries(prisma, file)).rejects.toThrow(/thiếu ranh giới của Hà Nội \(01\)/);
    await expect(importBoundaries(prisma, { type: "FeatureCollection" })).rejects.toBeInstanceOf(InvalidParamError);
    expect((await getProvinceShapes(prisma, "34"))?.shapes).toHaveLength(34);
  });

  it("removing a structure's boundaries brings back the tile map", async () => {
    expect(await removeBoundaries(prisma, "63")).toBe(true);
    expect(await getProvinceShapes(prisma, "63")).toBeNull();
    expect(await removeBoundaries(prisma, "63")).toBe(false);
  });
});
