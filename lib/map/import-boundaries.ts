import "server-only";
import { z } from "zod";
import { bumpDataVersion } from "@/lib/db/data-version";
import { InvalidParamError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { inForceOn } from "@/lib/units/in-force";
import { type Structure, structureDate } from "@/lib/units/structures";

const ZTopology = z.object({
  type: z.literal("Topology", { message: 'không phải TopoJSON (thiếu "type": "Topology")' }),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z
    .object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })
    .optional(),
  objects: z.record(
    z.string(),
    z.object({
      type: z.literal("GeometryCollection"),
      geometries: z.array(
        z
          .object({
            type: z.enum(["Polygon", "MultiPolygon"]),
            properties: z
              .object({ code: z.string().regex(/^\d{2}$/, "properties.code phải là mã tỉnh 2 chữ số") })
              .loose(),
          })
          .loose(),
      ),
    }),
  ),
});

export type BoundaryImport = { structure: Structure; provinces: number; objectName: string };

/**
 * Imports province boundaries (TopoJSON, one GeometryCollection whose features carry the
 * GSO code in properties.code) for the 34-province or the 63-province structure, whichever
 * the codes match. Every province of that structure must be in the file: a map with a
 * province missing is refused rather than drawn with a hole.
 */
export async function importBoundaries(prisma: PrismaClient, json: unknown): Promise<BoundaryImport> {
  const parsed = ZTopology.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParamError(
      "file",
      `Tệp ranh giới ${issue?.path.join(".") || ""}: ${issue?.message}`.replace("  ", " "),
    );
  }
  const [objectName, collection] = Object.entries(parsed.data.objects)[0] ?? [];
  if (!objectName || !collection)
    throw new InvalidParamError("file", "Tệp ranh giới không có đối tượng nào trong objects.");
  const codes = collection.geometries.map((g) => g.properties.code);
  const duplicates = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (duplicates.length)
    throw new InvalidParamError("file", `Mã tỉnh lặp lại trong tệp: ${[...new Set(duplicates)].join(", ")}.`);

  const candidates = await Promise.all(
    (["34", "63"] as Structure[]).map(async (structure) => {
      const rows = await prisma.$queryRaw<{ code: string; name: string }[]>`
        SELECT code, name FROM unit WHERE level = 'PROVINCE' AND ${inForceOn("unit", structureDate(structure))}`;
      const known = new Map(rows.map((r) => [r.code, r.name]));
      return {
        structure,
        matched: codes.filter((c) => known.has(c)).length,
        unknown: codes.filter((c) => !known.has(c)),
        missing: rows.filter((r) => !codes.includes(r.code)).map((r) => `${r.name} (${r.code})`),
      };
    }),
  );
  const best = candidates.sort((a, b) => b.matched - a.matched)[0];
  if (!best || best.matched === 0) {
    throw new InvalidParamError(
      "file",
      `Không mã nào trong tệp (${codes.slice(0, 5).join(", ")}…) là mã tỉnh đã nhập; nhập danh sách đơn vị trước.`,
    );
  }
  if (best.unknown.length || best.missing.length) {
    const parts = [
      best.unknown.length ? `mã không thuộc cơ cấu ${best.structure} tỉnh: ${best.unknown.join(", ")}` : "",
      best.missing.length ? `thiếu ranh giới của ${best.missing.join(", ")}` : "",
    ].filter(Boolean);
    throw new InvalidParamError("file", `Tệp ranh giới không khớp cơ cấu ${best.structure} tỉnh: ${parts.join("; ")}.`);
  }
  // The file as given (zod keeps only what it checked): topojson-client reads it back.
  const topology = json as Prisma.InputJsonValue;
  await prisma.$transaction(async (tx) => {
    await tx.provinceMap.upsert({
      where: { structure: best.structure },
      create: { structure: best.structure, objectName, topology, provinces: codes.length },
      update: { objectName, topology, provinces: codes.length, importedAt: new Date() },
    });
    await bumpDataVersion(tx);
  });
  return { structure: best.structure, provinces: codes.length, objectName };
}

/** Removes a structure's boundaries (the leaderboard falls back to the tile map). */
export async function removeBoundaries(prisma: PrismaClient, structure: Structure): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.provinceMap.deleteMany({ where: { structure } });
    if (count) await bumpDataVersion(tx);
    return count > 0;
  });
}
