import "server-only";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TableRow } from "@/lib/tables/read-table";
import { importReference, type ReferenceImport } from "./import-reference";
import { type Discrepancy, detectCorrections, reconcileImport } from "./register";
import type { Tolerance } from "./tolerance";

/** The settings' tolerance (lib/env.ts), each part replaced by the run's own when given. */
export function toleranceOf(asked: Partial<Tolerance> = {}): Tolerance {
  const settings = env();
  return {
    absolute: asked.absolute ?? settings.RECONCILE_TOLERANCE_ABSOLUTE,
    percentHundredths: asked.percentHundredths ?? Math.round(settings.RECONCILE_TOLERANCE_PERCENT * 100),
  };
}

export type Reconciliation = ReferenceImport & { tolerance: Tolerance; discrepancies: Discrepancy[] };

/**
 * Imports a reference extract and compares it with the entered figures: the extract and its
 * audit entry in one transaction, then the register's openings and the corrections found
 * since, with theirs. A file with any wrong row writes nothing and lists every problem.
 */
export async function runReconciliation(
  prisma: PrismaClient,
  rows: AsyncIterable<TableRow>,
  options: {
    actor: string;
    fileName: string;
    tolerance?: Partial<Tolerance>;
    requestId?: string | null;
    allowedUnitIds?: Set<number>;
  },
): Promise<Reconciliation> {
  const tolerance = toleranceOf(options.tolerance);
  const imported = await importReference(prisma, rows, options);
  if (imported.importId === null) return { ...imported, tolerance, discrepancies: [] };
  const discrepancies = await prisma.$transaction(
    async (tx) => {
      await detectCorrections(tx, options.actor);
      return reconcileImport(tx, imported.importId as number, tolerance, {
        actor: options.actor,
        requestId: options.requestId ?? null,
      });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  return { ...imported, written: [], tolerance, discrepancies };
}
