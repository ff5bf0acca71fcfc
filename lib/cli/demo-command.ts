import "server-only";
import { db } from "@/lib/db/client";
import { generateDemo } from "@/lib/demo/generate-demo";
import { formatCount } from "@/lib/format/numbers";

export async function runDemo(flags: { weeks?: string; seed?: string }): Promise<number> {
  const weeks = Number.parseInt(flags.weeks ?? "52", 10);
  const seed = flags.seed ?? "de-an-06";
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    console.error("--weeks phải là số tuần từ 1 đến 520.");
    return 2;
  }
  const summary = await generateDemo(db(), { weeks, seed, onProgress: (m: string) => console.log(`  ${m}`) });
  console.log(
    `✓ Dữ liệu mẫu: ${formatCount(summary.figures)} số liệu, ${formatCount(summary.targets)} chỉ tiêu, ${weeks} tuần.`,
  );
  return 0;
}
