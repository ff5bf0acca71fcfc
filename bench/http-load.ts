import autocannon from "autocannon";
import { percentile } from "./stats";

export type LoadResult = autocannon.Result & { p95: number };

/**
 * `connections` clients asking for `url` for `seconds` after a one-second warm-up, gzip
 * accepted as browsers do. autocannon's own percentiles skip p95, so every time is kept.
 */
export async function loadTest(url: string, seconds: number, connections = 50): Promise<LoadResult> {
  const headers = { "accept-encoding": "gzip" };
  await autocannon({ url, headers, connections: 10, duration: 1 }); // warm-up
  const times: number[] = [];
  const run = autocannon({ url, headers, connections, duration: seconds }) as unknown as Promise<autocannon.Result> &
    NodeJS.EventEmitter;
  run.on("response", (_client: unknown, _status: number, _bytes: number, time: number) => times.push(time));
  const result = await run;
  return { ...result, p95: percentile(times, 95) };
}

export function loadLine(label: string, r: LoadResult): string {
  return `${label.padEnd(40)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p95 ${r.p95.toFixed(0)} ms   p99 ${r.latency.p99} ms   lỗi ${r.errors + r.non2xx}`;
}
