import "server-only";
import ExcelJS from "exceljs";
import { NotFoundError } from "@/lib/errors";
import { formatDateVi, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { periodLabel } from "@/lib/i18n/period-label";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import type { Period } from "@/lib/rankings/periods";
import { childOf } from "@/lib/units/hierarchy";
import { inForceOn } from "@/lib/units/in-force";
import { fullName, unitByCode } from "@/lib/units/units-on";

const LEVEL_LABEL: Record<UnitLevel, string> = {
  PROVINCE: "Tỉnh, thành phố",
  DISTRICT: "Quận, huyện",
  COMMUNE: "Xã, phường",
};
const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * The weekly report (or a reporting period's) as an Excel workbook: for a scope (the country or a unit) and a date,
 * one sheet per indicator ranking the scope's children, with Vietnamese headers, real
 * numbers, percentages and dates (Excel shows them in the reader's locale), frozen header.
 */
export async function weeklyWorkbook(
  prisma: PrismaClient,
  params: { unit?: string; asOf: Date; period?: Period },
  /** Who asked (a client address): rankings nobody asked for yet count against its limit. */
  requester?: string,
): Promise<{ fileName: string; body: Buffer }> {
  const { asOf } = params;
  let scope: { code: string; name: string; id: number } | null = null;
  if (params.unit) {
    const row = await unitByCode(prisma, params.unit, asOf);
    if (!row) throw new NotFoundError(`Không có đơn vị mã ${params.unit}.`);
    scope = { id: row.id, code: row.code, name: fullName(row) };
  }
  const [child] = await prisma.$queryRaw<{ level: UnitLevel }[]>`
    SELECT level FROM unit WHERE ${childOf("unit", scope?.id ?? null)} AND ${inForceOn("unit", asOf)} LIMIT 1`;
  if (!child)
    throw new NotFoundError(`${scope?.name ?? "Toàn quốc"} không có đơn vị trực thuộc vào ngày ${formatDateVi(asOf)}.`);
  const indicators = await prisma.indicator.findMany({ orderBy: { sortOrder: "asc" } });

  const book = new ExcelJS.Workbook();
  book.creator = "Đề án 06";
  book.created = new Date();
  const used = new Set<string>();
  for (const indicator of indicators) {
    const ranking = await getRankingCached(
      prisma,
      {
        indicator: indicator.code,
        level: child.level,
        parent: scope?.code,
        asOf,
        period: params.period,
      },
      requester,
    );
    const sheet = book.addWorksheet(sheetName(indicator.nameVi, used), { views: [{ state: "frozen", ySplit: 3 }] });
    const when = params.period
      ? `${periodLabel(params.period, "vi")} (${formatDateVi(params.period.start)}–${formatDateVi(params.period.end)}), tính đến ngày ${formatDateVi(asOf)}`
      : `tính đến ngày ${formatDateVi(asOf)}`;
    sheet.addRow([`${indicator.nameVi} – ${scope?.name ?? "Toàn quốc"}, ${when}`]).font = {
      bold: true,
      size: 13,
    };
    sheet.addRow([]);
    const header = sheet.addRow([
      "Hạng",
      "Mã",
      LEVEL_LABEL[child.level],
      "Số liệu",
      "Chỉ tiêu",
      "Tỷ lệ",
      params.period ? "Tăng trong kỳ" : "Tăng trong tuần",
      "Hạn",
      "Ngày đạt",
      "Sớm (+) / muộn (−), ngày",
      "Dự báo đạt",
      "Đơn vị trực thuộc đạt",
      "Đơn vị trực thuộc",
    ]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle" };
    for (const item of ranking.items) {
      sheet.addRow([
        item.rank,
        item.code,
        item.approximate ? `${item.name} (≈)` : item.name,
        item.value,
        item.target,
        item.percent === null ? null : item.percent / 100,
        params.period ? (item.change ?? null) : item.weeklyChange,
        day(item.deadline),
        day(item.reachedOn),
        item.daysAhead,
        day(item.forecastOn),
        item.childrenDone,
        item.childrenTotal,
      ]);
    }
    const formats: Record<number, { width: number; numFmt?: string }> = {
      1: { width: 7 },
      2: { width: 8 },
      3: { width: 30 },
      4: { width: 14, numFmt: "#,##0" },
      5: { width: 14, numFmt: "#,##0" },
      6: { width: 10, numFmt: "0.00%" },
      7: { width: 14, numFmt: "#,##0" },
      8: { width: 12, numFmt: "dd/mm/yyyy" },
      9: { width: 12, numFmt: "dd/mm/yyyy" },
      10: { width: 14, numFmt: "+#,##0;-#,##0;0" },
      11: { width: 12, numFmt: "dd/mm/yyyy" },
      12: { width: 12, numFmt: "#,##0" },
      13: { width: 12, numFmt: "#,##0" },
    };
    for (const [index, f] of Object.entries(formats)) {
      const column = sheet.getColumn(Number(index));
      column.width = f.width;
      if (f.numFmt) column.numFmt = f.numFmt;
    }
    sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: 13 } };
    sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  const body = Buffer.from(await book.xlsx.writeBuffer());
  const name = params.period
    ? `bao-cao-${params.period.key.replace(":", "-")}-${scope?.code ?? "toan-quoc"}`
    : `bao-cao-tuan-${scope?.code ?? "toan-quoc"}-${isoDate(asOf)}`;
  return { fileName: `${name}.xlsx`, body };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, 31)
    .trim();
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
