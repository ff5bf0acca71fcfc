import "server-only";
import { geoMercator, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { presimplify, simplify } from "topojson-simplify";
import type { Objects, Topology } from "topojson-specification";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Structure } from "@/lib/units/structures";

export type ProvinceShapes = {
  width: number;
  height: number;
  shapes: { code: string; d: string }[];
  /** Where the archipelagos' names go (they are tiny at this scale). */
  labels: { key: "hoangSa" | "truongSa"; x: number; y: number }[];
};

const ARCHIPELAGOS = [
  { key: "hoangSa" as const, at: [111.6, 17.1] as [number, number] },
  { key: "truongSa" as const, at: [113.4, 11.0] as [number, number] },
];

const WIDTH = 400;
const HEIGHT = 640;
/**
 * Points whose triangle with their neighbours is smaller than this (in square degrees, about
 * one pixel of the frame) are dropped: the 63-province file shrinks from 1.1 MB of path data
 * to about 58 KB. Shared borders are simplified once (no gaps) and every island ring stays.
 */
const MIN_WEIGHT = 0.001;
// Projected once per imported file: the paths depend on nothing else.
const projected = new Map<string, { importedAt: number; shapes: ProvinceShapes }>();

/**
 * SVG paths of the provinces of a structure, from the imported boundaries (null when none
 * were imported: the page then draws the tile map). Mercator fitted to the whole file, so
 * Hoàng Sa and Trường Sa, which the files include, are always inside the frame.
 */
export async function getProvinceShapes(prisma: PrismaClient, structure: Structure): Promise<ProvinceShapes | null> {
  const stamp = await prisma.provinceMap.findUnique({ where: { structure }, select: { importedAt: true } });
  if (!stamp) return null;
  const cached = projected.get(structure);
  if (cached && cached.importedAt === stamp.importedAt.getTime()) return cached.shapes;
  const row = await prisma.provinceMap.findUniqueOrThrow({ where: { structure } });
  const topology = simplify(presimplify(row.topology as unknown as Topology<Objects<{ code: string }>>), MIN_WEIGHT);
  const collection = feature(topology, topology.objects[row.objectName] as never) as unknown as FeatureCollection<
    Geometry,
    { code: string }
  >;
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], collection);
  const path = geoPath(projection).digits(1);
  const shapes: ProvinceShapes = {
    width: WIDTH,
    height: HEIGHT,
    shapes: collection.features.map((f) => ({ code: f.properties.code, d: path(f) ?? "" })),
    labels: ARCHIPELAGOS.map(({ key, at }) => {
      const [x, y] = projection(at) ?? [0, 0];
      return { key, x: Math.round(x), y: Math.round(y) };
    }),
  };
  projected.set(structure, { importedAt: row.importedAt.getTime(), shapes });
  return shapes;
}
