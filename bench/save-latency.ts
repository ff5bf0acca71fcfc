// A save's latency at national scale: one figure of one commune saved through the entry
// service (receipt, audit, live read model, data version), SAVES times in a row.
import type { Actor } from "@/lib/access/actor";
import type { db } from "@/lib/db/client";
import { saveFigures } from "@/lib/entry/save-figures";
import { isoDate } from "@/lib/format/dates";
import { percentile, timed } from "./stats";

const SAVES = 40;
const ADMIN: Actor = { id: 1, username: "bench", displayName: "Bench", role: "MINISTRY_ADMIN", unitId: null };

export async function saveLatency(prisma: ReturnType<typeof db>, week: Date, unitCode = "00001"): Promise<string[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const current = await prisma.figure.findFirstOrThrow({
      where: { unit: { code: unitCode }, asOf: week, indicator: { code: "CCCD_INTAKE" } },
    });
    samples.push(
      await timed(() =>
        saveFigures(prisma, ADMIN, {
          requestId: crypto.randomUUID(),
          week: isoDate(week),
          entries: [{ unit: unitCode, indicator: "CCCD_INTAKE", value: current.value + 1, version: current.version }],
        }),
      ),
    );
  }
  return [
    `Lưu 1 số liệu qua trang nhập (${SAVES} lần)`.padEnd(44) +
      ` p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`,
  ];
}
