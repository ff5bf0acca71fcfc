import "server-only";

/**
 * A write refused because a row with the same unique key exists: Prisma's P2002, or
 * PostgreSQL's 23505 where a raw query or the driver reports it. Two requests that both
 * checked first can still race to insert; the loser is told what already exists.
 */
export function isUniqueViolation(error: unknown): boolean {
  if ((error as { code?: unknown })?.code === "P2002") return true;
  const text = `${String(error)} ${JSON.stringify((error as { cause?: unknown })?.cause ?? null)}`;
  return /\b23505\b|unique constraint/i.test(text);
}
