export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(label: string, samplesMs: number[]): string {
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  return `${label.padEnd(52)} median ${fmt(percentile(samplesMs, 50)).padStart(8)}   min ${fmt(Math.min(...samplesMs)).padStart(8)}   max ${fmt(Math.max(...samplesMs)).padStart(8)}   (n=${samplesMs.length})`;
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
