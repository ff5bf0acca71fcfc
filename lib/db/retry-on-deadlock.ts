import "server-only";
/** Runs a transaction again when PostgreSQL aborted it to break a deadlock or a serialization conflict. */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

function isRetryable(error: unknown): boolean {
  const text = `${String(error)} ${JSON.stringify((error as { cause?: unknown })?.cause ?? null)}`;
  return /40P01|40001|deadlock detected|could not serialize/i.test(text);
}
