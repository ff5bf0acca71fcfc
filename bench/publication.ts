import { randomUUID } from "node:crypto";
import type { DueSettings } from "@/lib/calendar/due-times";
import type { db } from "@/lib/db/client";
import { isoDate } from "@/lib/format/dates";
import { publishEdition } from "@/lib/publication/publish-edition";
import { editionRanking } from "@/lib/publication/read-editions";
import { percentile, timed } from "./stats";

const SETTINGS: DueSettings = { COMMUNE: "1 17:00", DISTRICT: "2 17:00", PROVINCE: "3 17:00", MINISTRY: "4 17:00" };
const MINISTRY = { id: 0, username: "bench", displayName: "bench", role: "MINISTRY_ADMIN" as const, unitId: null };

/**
 * A published edition of `week` at national scale: how long publishing every indicator and
 * level takes and how many rows it stores, then serving its rankings from the stored rows
 * with nothing remembered between requests (goal p95 ≤ 10 ms).
 */
export async function benchPublication(prisma: ReturnType<typeof db>, week: Date, runs: number): Promise<string[]> {
  let number = 0;
  const ms = await timed(async () => {
    ({ number } = await publishEdition(prisma, MINISTRY, { requestId: randomUUID(), week: isoDate(week) }, SETTINGS));
  });
  const [size] = await prisma.$queryRaw<{ rankings: number; items: number }[]>`
    SELECT (SELECT count(*)::int FROM publication_ranking r JOIN publication p ON p.id = r.publication_id WHERE p.number = ${number}::int) AS rankings,
           (SELECT count(*)::int FROM publication_item i JOIN publication p ON p.id = i.publication_id WHERE p.number = ${number}::int) AS items`;
  const out = [
    `Công bố bản số ${number} (tuần ${isoDate(week)}): ${(ms / 1000).toFixed(1)} s, ${size?.rankings.toLocaleString("vi-VN")} bảng xếp hạng, ${size?.items.toLocaleString("vi-VN")} dòng`,
  ];
  const cases: [string, { indicator: string; level: "province" | "commune"; parent: string }][] = [
    ["Bản công bố: 63 tỉnh (đọc dòng đã lưu)", { indicator: "CCCD_INTAKE", level: "province", parent: "" }],
    ["Bản công bố: các xã của Hà Nội (526)", { indicator: "CCCD_INTAKE", level: "commune", parent: "01" }],
  ];
  for (const [label, key] of cases) {
    for (let i = 0; i < 5; i++) await editionRanking(prisma, number, key); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timed(() => editionRanking(prisma, number, key)));
    out.push(
      `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms   (n=${samples.length}, mục tiêu p95 ≤ 10 ms)`,
    );
  }
  return out;
}
