import "server-only";
import type { Actor } from "@/lib/access/actor";
import { viewedUnit } from "@/lib/access/viewed-unit";
import type { Period } from "@/lib/calendar/periods";
import { NotFoundError } from "@/lib/errors";
import { isoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unitByCode } from "@/lib/units/units-on";
import { type ReportData, reportData } from "./report-data";
import { reportDocx } from "./report-docx";

export type WeeklyReportRequest = {
  /** The unit's code; none: the whole country. */
  unit?: string;
  /** The day the figures are taken as of (the report is about its week), or a reporting period. */
  asOf: Date;
  period?: Period;
};

/**
 * The weekly (or a period's) report of a unit as a .docx. `by` is the signed-in user asking
 * (the unit must be within their scope, as on the dashboard) or "cli" for the command line,
 * which runs with the database's own rights.
 */
export async function weeklyReport(
  prisma: PrismaClient,
  request: WeeklyReportRequest,
  by: Actor | "cli",
  now: Date = new Date(),
): Promise<{ fileName: string; body: Buffer; data: ReportData }> {
  const today = todayInVietnam(now);
  // A week's report is as of its Sunday, the date its figures carry (a period's, as of its end).
  const day = new Date(Math.min(request.asOf.getTime(), today.getTime()));
  const asOf = request.period ? day : sundayOnOrBefore(day);
  const unit =
    by === "cli"
      ? request.unit
        ? await unitByCode(prisma, request.unit, asOf)
        : null
      : await viewedUnit(prisma, by, request.unit ?? null, asOf);
  if (request.unit && !unit) throw new NotFoundError(`Không có đơn vị mã ${request.unit}.`);
  const data = await reportData(prisma, { unit, asOf, period: request.period }, now);
  const body = await reportDocx(data, today);
  const who = unit?.code ?? "toan-quoc";
  const name = request.period
    ? `bao-cao-${request.period.key.replace(":", "-")}-${who}`
    : `bao-cao-tuan-${who}-${isoDate(sundayOnOrBefore(asOf))}`;
  return { fileName: `${name}.docx`, body, data };
}
