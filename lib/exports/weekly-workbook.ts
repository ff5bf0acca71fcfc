import "server-only";
import ExcelJS from "exceljs";
import type { Period } from "@/lib/calendar/periods";
import { NotFoundError } from "@/lib/errors";
import { formatDateVi, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import { periodLabel } from "@/lib/i18n/period-label";
import { type Measure, measureOf } from "@/lib/indicators/indicator-kinds";
import { getRankingCached } from "@/lib/rankings/cached-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
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
  const names = new Map(indicators.map((i) => [i.code, oneLine(i.nameVi)]));

  const book = new ExcelJS.Workbook();
  book.creator = "Đề án 06";
  book.created = new Date();
  const used = new Set<string>();
  for (const indicator of indicators) {
    const ranking = await getRankingCached(
      prisma,
      {
        indicator: indicator.code,
        // A report sent upward: what was approved.
        basis: "official",
        level: child.level,
        parent: scope?.code,
        asOf,
        period: params.period,
      },
      requester,
    );
    const sheet = book.addWorksheet(sheetName(indicator.nameVi, used, indicator.code), {
      views: [{ state: "frozen", ySplit: 3 }],
    });
    const when = params.period
      ? `${periodLabel(params.period, "vi")} (${formatDateVi(params.period.start)}–${formatDateVi(params.period.end)}), tính đến ngày ${formatDateVi(asOf)}`
      : `tính đến ngày ${formatDateVi(asOf)}`;
    sheet.addRow([`${oneLine(indicator.nameVi)} – ${scope?.name ?? "Toàn quốc"}, ${when}`]).font = {
      bold: true,
      size: 13,
    };
    sheet.addRow([]);
    const columns = columnsFor(measureOf(indicator.kind), child.level, Boolean(params.period), ranking.items, names);
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    // A wrapped header needs its row tall enough in every reader: LibreOffice prints the
    // default height, and the header then overlapped the first row.
    header.height = headerHeight(columns);
    for (const item of ranking.items) sheet.addRow(columns.map((c) => c.value(item)));
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width;
      if (c.numFmt) column.numFmt = c.numFmt;
      // Short codes and ranks centred, so "1" and "15" never read as "115" side by side.
      if (c.align) column.alignment = { horizontal: c.align };
    });
    header.alignment = { wrapText: true, vertical: "top", horizontal: "center" };
    sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
    sheet.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    sheet.headerFooter = { oddFooter: `&L${oneLine(indicator.nameVi)}&RTrang &P/&N` };
  }
  const body = Buffer.from(await book.xlsx.writeBuffer());
  const name = params.period
    ? `bao-cao-${params.period.key.replace(":", "-")}-${scope?.code ?? "toan-quoc"}`
    : `bao-cao-tuan-${scope?.code ?? "toan-quoc"}-${isoDate(asOf)}`;
  return { fileName: `${name}.xlsx`, body };
}

type Column = {
  header: string;
  width: number;
  numFmt?: string;
  align?: "center";
  value: (item: RankingItem) => string | number | Date | null;
};

/** Points tall enough for the longest header wrapped in its column (about one character per width unit). */
function headerHeight(columns: Column[]): number {
  const lines = Math.max(1, ...columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.width - 1))));
  return 15 * lines + 4;
}

const COUNT = "#,##0";
const DATE = "dd/mm/yyyy";
const PERCENT = "0.00%";
const share = (percent: number | null | undefined) => (percent == null ? null : percent / 100);

/**
 * A sheet's columns for what the indicator measures: counts against targets; a numerator
 * over a denominator (its ratio, and its share target where there is one); or a scorecard's
 * points, band and one column per component.
 */
function columnsFor(
  measure: Measure,
  level: UnitLevel,
  period: boolean,
  items: RankingItem[],
  /** Indicators' names by code: a scorecard's components are headed by name, not code. */
  names: Map<string, string>,
): Column[] {
  const unit: Column[] = [
    { header: "Hạng", width: 7, align: "center", value: (i) => i.rank },
    { header: "Mã", width: 8, align: "center", value: (i) => i.code },
    { header: LEVEL_LABEL[level], width: 30, value: (i) => (i.approximate ? `${i.name} (≈)` : i.name) },
  ];
  const finish: Column[] = [
    { header: "Hạn", width: 12, numFmt: DATE, value: (i) => day(i.deadline) },
    { header: "Ngày đạt", width: 12, numFmt: DATE, value: (i) => day(i.reachedOn) },
    { header: "Sớm (+) / muộn (−), ngày", width: 14, numFmt: "+#,##0;-#,##0;0", value: (i) => i.daysAhead },
  ];
  const children: Column[] = [
    { header: "Đơn vị trực thuộc đạt", width: 12, numFmt: COUNT, value: (i) => i.childrenDone },
    { header: "Đơn vị trực thuộc", width: 12, numFmt: COUNT, value: (i) => i.childrenTotal },
  ];
  const change = period ? "Tăng trong kỳ" : "Tăng trong tuần";
  const changeOf = (i: RankingItem) => (period ? (i.change ?? null) : i.weeklyChange);
  if (measure === "score") {
    const parts = items.find((i) => i.components?.length)?.components ?? [];
    return [
      ...unit,
      { header: "Điểm", width: 10, numFmt: "0.00", value: (i) => i.score ?? null },
      { header: "Điểm tối đa", width: 10, numFmt: "0.##", value: (i) => i.maxScore ?? null },
      { header: "Xếp loại", width: 10, align: "center", value: (i) => i.band ?? null },
      { header: "Kém đơn vị trên (điểm)", width: 12, numFmt: "0.00", value: (i) => i.gapToAbove ?? null },
      ...(period ? [{ header: `${change} (điểm)`, width: 12, numFmt: "+0.00;-0.00;0", value: changeOf }] : []),
      ...parts.map(
        (p, k): Column => ({
          header: `${names.get(p.indicator) ?? p.indicator} (điểm/${p.weight})`,
          width: 16,
          numFmt: "0.00",
          value: (i) => i.components?.[k]?.points ?? null,
        }),
      ),
      {
        header: period ? "Đứng đầu liên tiếp (kỳ)" : "Đứng đầu liên tiếp (tuần)",
        width: 12,
        numFmt: COUNT,
        value: (i) => (i.periodsAtTop ? i.periodsAtTop : null),
      },
      { header: "Đơn vị trực thuộc đạt nhóm cao nhất", width: 14, numFmt: COUNT, value: (i) => i.childrenDone },
      children[1] as Column,
    ];
  }
  if (measure === "ratio")
    return [
      ...unit,
      { header: "Tử số", width: 14, numFmt: COUNT, value: (i) => i.numerator ?? null },
      { header: "Mẫu số", width: 14, numFmt: COUNT, value: (i) => i.denominator ?? null },
      { header: "Tỷ lệ", width: 10, numFmt: PERCENT, value: (i) => share(i.ratio) },
      { header: "Chỉ tiêu (tỷ lệ)", width: 10, numFmt: PERCENT, value: (i) => share(i.target) },
      { header: "Đạt so với chỉ tiêu", width: 10, numFmt: PERCENT, value: (i) => share(i.percent) },
      { header: `${change} (điểm %)`, width: 12, numFmt: "+0.00;-0.00;0", value: changeOf },
      ...finish,
      ...children,
    ];
  return [
    ...unit,
    { header: "Số liệu", width: 14, numFmt: COUNT, value: (i) => i.value },
    { header: "Chỉ tiêu", width: 14, numFmt: COUNT, value: (i) => i.target },
    { header: "Tỷ lệ", width: 10, numFmt: PERCENT, value: (i) => share(i.percent) },
    { header: change, width: 14, numFmt: COUNT, value: changeOf },
    ...finish,
    { header: "Dự báo đạt", width: 12, numFmt: DATE, value: (i) => day(i.forecastOn) },
    ...children,
  ];
}

/** A name on one line: control characters (line breaks, tabs, bells) become single spaces. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\s]+/gu, " ").trim();

/** Excel's longest sheet name, in UTF-16 code units. */
const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel (and ExcelJS) accepts for any indicator name: none of []:*?/\ or
 * control characters, no apostrophe first or last, at most 31 characters (never half a
 * character), not "History" (Excel keeps it for itself) and unique in the workbook ignoring
 * case. A long name keeps its end, which tells indicators apart ("…mức 1", "…mức 2"), and
 * shortens its first words to initials ("TKĐD điện tử mức 2 đã kích hoạt", "HSTTHC xử lý trực tuyến"). A name with nothing
 * left falls back on the indicator's code; clashes are numbered.
 */
export function sheetName(name: string, used: Set<string>, fallback = "Chỉ tiêu"): string {
  const base = abbreviate(cleanSheetName(name), SHEET_NAME_MAX) || cleanSheetName(fallback) || "Chỉ tiêu";
  let candidate = fitSheetName(base, SHEET_NAME_MAX);
  for (let i = 2; taken(candidate, used); i++) {
    const suffix = ` (${i})`;
    candidate = `${fitSheetName(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

const taken = (candidate: string, used: Set<string>) => {
  const key = candidate.toLowerCase();
  return key === "history" || used.has(key);
};

/** Forbidden characters become spaces, runs of spaces one, and edges lose spaces and apostrophes. */
function cleanSheetName(text: string): string {
  return trimSheetName(
    text
      .normalize("NFC")
      .replace(/[\p{C}[\]:*?/\\]/gu, " ")
      .replace(/\s+/g, " "),
  );
}

/**
 * Shortens the first words to their capital initials, two at a time (most Vietnamese words
 * are two syllables: "định danh", "điện tử"), until `text` fits `max` or one word is left.
 */
function abbreviate(text: string, max: number): string {
  const words = text.split(" ");
  let initials = 0;
  const joined = () => {
    const head = words
      .slice(0, initials)
      .map((w) => [...w][0]?.toUpperCase() ?? "")
      .join("");
    return [head, ...words.slice(initials)].filter(Boolean).join(" ");
  };
  while (joined().length > max && initials < words.length - 1) initials = Math.min(initials + 2, words.length - 1);
  return joined();
}

const trimSheetName = (text: string) => text.replace(/^[\s']+|[\s']+$/g, "");

/** The longest start of `text` of whole characters within `max` UTF-16 code units, edges trimmed again. */
function fitSheetName(text: string, max: number): string {
  let out = "";
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return trimSheetName(out) || "Chỉ tiêu";
}
