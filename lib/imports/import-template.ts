import "server-only";
import type { Actor } from "@/lib/access/actor";
import { unitIdsInScope } from "@/lib/access/authorize";
import { sql } from "@/lib/db/sql";
import { ForbiddenError } from "@/lib/errors";
import { formatDateVi, isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isEntered } from "@/lib/indicators/indicator-kinds";
import { neutralizeFormula } from "@/lib/tables/formula-text";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { FIGURE_COLUMNS } from "./import-figures";
import { TARGET_COLUMNS } from "./import-targets";

// A file to fill in and upload: the columns the import reads, one line per unit the user
// may write and indicator entered by hand, codes and names filled in, as Vietnamese Excel
// opens it (semicolons, dd/mm/yyyy). Lines left empty are skipped by the import.

export type TemplateKind = "figures" | "targets";

/** Beyond this many lines a template is no help (a national file is imported by the ministry's own tools). */
const MAX_TEMPLATE_LINES = 100_000;

/** Extra columns for people: the import reads only its own columns and ignores these. */
const NAME_COLUMNS = ["ten_don_vi", "ten_chi_tieu"];

export async function importTemplate(
  prisma: PrismaClient,
  actor: Actor,
  kind: TemplateKind,
  today: Date = todayInVietnam(),
): Promise<{ fileName: string; text: string }> {
  const scope = await unitIdsInScope(prisma, actor, kind === "figures" ? "figure.enter" : "target.assign");
  if (scope?.size === 0)
    throw new ForbiddenError(
      kind === "figures"
        ? `Tài khoản ${actor.username} không được nhập số liệu.`
        : `Tài khoản ${actor.username} không được giao chỉ tiêu (chỉ cấp trên giao cho cấp dưới).`,
    );
  // The whole country's template names the provinces; any other scope its own units in force.
  const where = scope ? sql`id = ANY(${[...scope]}::int[])` : childOf("unit", null);
  const [units, indicators] = await Promise.all([
    prisma.$queryRaw<{ code: string; type: string; name: string }[]>`
      SELECT code, type, name FROM unit WHERE ${where} AND ${inForceOn("unit", today)} ORDER BY code`,
    prisma.indicator.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  const sunday = sundayOnOrBefore(today);
  // Indicators people enter this week: not computed, not retired, already started.
  const entered = indicators.filter(
    (i) => isEntered(i.kind) && !i.retiredOn && (!i.enteredFrom || i.enteredFrom <= sunday),
  );
  const week = formatDateVi(sunday);
  const header =
    kind === "figures" ? [...FIGURE_COLUMNS, "denominator", ...NAME_COLUMNS] : [...TARGET_COLUMNS, ...NAME_COLUMNS];
  const lines: string[][] = [];
  for (const unit of units)
    for (const indicator of entered) {
      if (lines.length >= MAX_TEMPLATE_LINES) break;
      const names = [`${unit.type} ${unit.name}`, indicator.nameVi];
      lines.push(
        kind === "figures"
          ? [unit.code, indicator.code, week, "", "", ...names]
          : [unit.code, indicator.code, "", "", "", formatDateVi(today), ...names],
      );
    }
  const cell = (text: string) => {
    const safe = neutralizeFormula(text);
    return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const text = [header, ...lines].map((line) => line.map(cell).join(";")).join("\r\n");
  const own = actor.unitId === null ? null : await prisma.unit.findUnique({ where: { id: actor.unitId } });
  const who = own?.code ?? "toan-quoc";
  const name = kind === "figures" ? `mau-so-lieu-${who}-${isoDate(sunday)}` : `mau-chi-tieu-${who}`;
  return { fileName: `${name}.csv`, text: `\uFEFF${text}\r\n` };
}
