import "server-only";
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { ChartRun } from "docx/charts";
import { formatDay } from "@/lib/format/dates";
import { formatsFor } from "@/lib/i18n/locale";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import type { ReportData } from "./report-data";
import {
  agencyLines,
  behindSentence,
  indicatorSentence,
  lateSentence,
  numberLine,
  placeAndDate,
  subject,
} from "./report-text";

// The report as Word opens it, in the form Nghị định 30/2020/NĐ-CP sets for an administrative
// document: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13 pt;
// the agency's name and the national motto side by side at the top, the number and symbol,
// place and date, "BÁO CÁO" and its subject. A draft the author finishes in Word.

/** A4 in twentieths of a point (twips), and the decree's margins. */
export const A4 = { width: 11906, height: 16838 };
const MM = 56.7;
const MARGINS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
/** Font sizes in half-points. */
const BODY = 26;
const SMALL = 22;

const f = formatsFor("vi");
type Run = { text: string; bold?: boolean; italics?: boolean; size?: number };

function paragraph(
  runs: Run[] | string,
  options: { align?: "center" | "both" | "left"; indent?: boolean; after?: number } = {},
) {
  const list = typeof runs === "string" ? [{ text: runs }] : runs;
  return new Paragraph({
    alignment:
      options.align === "center"
        ? AlignmentType.CENTER
        : options.align === "left"
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, line: 300 },
    indent: options.indent ? { firstLine: Math.round(12.7 * MM) } : undefined,
    children: list.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, size: r.size ?? BODY })),
  });
}

/** Two borderless columns side by side, the left one `leftWidth` percent wide (the header and the signature). */
function sideBySide(left: Paragraph[], right: Paragraph[], leftWidth: number): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, 100 - leftWidth)] })],
  });
}

/** The two columns of the header: the agency and its number on the left; the motto, place and date on the right. */
function header(data: ReportData, made: Date): Table {
  const [above, agency] = agencyLines(data);
  const centred = (runs: Run[]) => paragraph(runs, { align: "center", after: 0 });
  return sideBySide(
    [
      centred([{ text: above, size: SMALL }]),
      centred([{ text: agency, bold: true, size: SMALL }]),
      centred([{ text: "────────", size: SMALL }]),
      centred([{ text: numberLine(data.unit), size: SMALL }]),
    ],
    [
      centred([{ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: SMALL }]),
      centred([{ text: "Độc lập - Tự do - Hạnh phúc", bold: true }]),
      centred([{ text: "────────────────", size: SMALL }]),
      centred([{ text: placeAndDate(data, made), italics: true }]),
    ],
    42,
  );
}

/**
 * The first counted indicator over the last weeks against its target, as a Word chart (drawn
 * by Word or LibreOffice from its data, which "Edit Data" opens), not a picture of one.
 */
function trendChart(data: ReportData): Paragraph[] {
  const trend = data.trend;
  if (!trend) return [];
  const scope = data.unit ? `${data.unit.type} ${data.unit.name}` : "Toàn quốc";
  const series = [{ name: "Số liệu", values: trend.points.map((p) => p.value), color: "B91C1C" }];
  if (trend.target !== null)
    series.push({ name: "Chỉ tiêu", values: trend.points.map(() => trend.target as number), color: "64748B" });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [
        new ChartRun({
          type: "line",
          title: `${trend.name} – ${scope}`,
          categories: trend.points.map((p) => formatDay(p.asOf)),
          series,
          transformation: { width: 600, height: 300 },
          font: { name: "Times New Roman" },
        }),
      ],
    }),
  ];
}

/** Who receives it (left) and the signature of the agency's head (right), for the author to complete. */
function signature(): Table {
  return sideBySide(
    [
      paragraph([{ text: "Nơi nhận:", bold: true, italics: true, size: 24 }], { align: "left", after: 0 }),
      paragraph([{ text: "- Như trên;", size: SMALL }], { align: "left", after: 0 }),
      paragraph([{ text: "- Lưu: VT.", size: SMALL }], { align: "left", after: 0 }),
    ],
    [
      paragraph([{ text: "THỦ TRƯỞNG ĐƠN VỊ", bold: true }], { align: "center", after: 0 }),
      paragraph([{ text: "(Ký, ghi rõ họ tên)", italics: true, size: SMALL }], { align: "center", after: 0 }),
    ],
    50,
  );
}

/** The appendix's table: the units below ranked, with their figure, target, percent and increase. */
function childrenTable(items: RankingItem[], measure: string, period: boolean): Table {
  const head = [
    "Hạng",
    "Đơn vị",
    measure === "score" ? "Điểm" : "Số liệu",
    "Chỉ tiêu",
    "Tỷ lệ",
    period ? "Tăng trong kỳ" : "Tăng trong tuần",
  ];
  const row = (cells: string[], bold = false) =>
    new TableRow({
      tableHeader: bold,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: i === 1 ? AlignmentType.LEFT : i === 0 ? AlignmentType.CENTER : AlignmentType.RIGHT,
                children: [new TextRun({ text, bold, size: SMALL })],
              }),
            ],
          }),
      ),
    });
  const value = (i: RankingItem) =>
    measure === "score"
      ? f.points(i.score ?? null)
      : measure === "ratio"
        ? f.percent(i.ratio ?? null)
        : f.count(i.value);
  const target = (i: RankingItem) =>
    measure === "ratio" ? f.percent(i.target) : measure === "score" ? (i.band ?? "") : f.count(i.target);
  const change = (i: RankingItem) => {
    const n = period ? (i.change ?? null) : i.weeklyChange;
    return n === null ? "" : `${n > 0 ? "+" : ""}${measure === "count" ? f.count(n) : f.points(n)}`;
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(head, true),
      ...items.map((i) =>
        row([i.rank === null ? "–" : String(i.rank), i.name, value(i), target(i), f.percent(i.percent), change(i)]),
      ),
    ],
  });
}

/** The report, as a .docx file's bytes. `made`: the day written in its date line. */
export async function reportDocx(data: ReportData, made: Date): Promise<Buffer> {
  const heading = (text: string) => paragraph([{ text, bold: true }], { after: 120 });
  const body: (Paragraph | Table)[] = [
    header(data, made),
    paragraph("", { after: 240 }),
    paragraph([{ text: "BÁO CÁO", bold: true, size: 28 }], { align: "center", after: 0 }),
    paragraph([{ text: subject(data), bold: true }], { align: "center", after: 240 }),
    heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    ...data.results.map((r) => paragraph(indicatorSentence(r, data), { indent: true })),
    ...trendChart(data),
    heading("II. CÁC ĐƠN VỊ CẦN ĐÔN ĐỐC"),
  ];
  const late = lateSentence(data);
  const follow = [...(late ? [late] : []), ...data.behind.map((b) => behindSentence(b.indicator, b.items))];
  body.push(
    ...(follow.length
      ? follow
      : ["Không có đơn vị trực thuộc nào chậm báo cáo hoặc có nguy cơ không đạt chỉ tiêu."]
    ).map((text) => paragraph(text, { indent: true })),
    heading("III. ĐỀ XUẤT, KIẾN NGHỊ"),
    paragraph([{ text: "(Đơn vị soạn thảo bổ sung đề xuất, kiến nghị trước khi ký ban hành.)", italics: true }], {
      indent: true,
    }),
    signature(),
  );
  if (data.children.length) {
    body.push(
      new Paragraph({
        pageBreakBefore: true,
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: "PHỤ LỤC: XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC", bold: true, size: BODY })],
      }),
    );
    for (const table of data.children) {
      body.push(paragraph([{ text: table.name, bold: true }], { align: "left" }));
      body.push(childrenTable(table.items, table.measure, Boolean(data.period)));
      body.push(paragraph("", { after: 120 }));
    }
  }
  const document = new Document({
    creator: "Đề án 06",
    title: subject(data),
    styles: { default: { document: { run: { font: "Times New Roman", size: BODY } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGINS } }, children: body }],
  });
  return Packer.toBuffer(document);
}
