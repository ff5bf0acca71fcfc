import "server-only";
import fs from "node:fs/promises";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { importBoundaries, removeBoundaries } from "@/lib/map/import-boundaries";

/** `import boundaries <file.topo.json>` */
export async function importBoundariesFile(file: string): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (error) {
    console.error(`✗ Không đọc được ${file} như JSON: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
  try {
    const r = await importBoundaries(db(), json);
    console.log(
      `✓ Ranh giới ${r.provinces} tỉnh (cơ cấu ${r.structure} tỉnh, đối tượng ${r.objectName}): bản đồ địa lý thay bản đồ ô vuông.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InvalidParamError) {
      console.error(`✗ ${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `boundaries remove 34|63`: back to the tile map for that structure. */
export async function runBoundaries([action, structure]: string[]): Promise<number> {
  if (action !== "remove" || (structure !== "34" && structure !== "63")) {
    console.error("Cách dùng: boundaries remove 34|63");
    return 2;
  }
  const removed = await removeBoundaries(db(), structure);
  console.log(
    removed
      ? `✓ Đã xoá ranh giới cơ cấu ${structure} tỉnh; trang chủ dùng bản đồ ô vuông.`
      : `Chưa có ranh giới cơ cấu ${structure} tỉnh.`,
  );
  return 0;
}
