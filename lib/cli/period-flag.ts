import "server-only";
import { InvalidParamError } from "@/lib/errors";
import { periodParam } from "@/lib/params/query-params";

/**
 * `--period KEY` beside a date option (`--as-of`, `--week`): never both. The period, none, or
 * "refused" once the reason is printed (the command then exits 2).
 */
export function periodFlag(period: string | undefined, date: { name: string; value: string | undefined }) {
  if (period && date.value) {
    console.error(`Dùng --${date.name} (một ngày) hoặc --period (một kỳ báo cáo), không dùng cả hai.`);
    return "refused" as const;
  }
  try {
    return period ? periodParam(period, "period") : undefined;
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    console.error(`✗ --period: ${error.message}`);
    return "refused" as const;
  }
}
