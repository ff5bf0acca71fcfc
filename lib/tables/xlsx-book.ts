import "server-only";
import path from "node:path";
import { TableFormatError } from "./table-error";
import { type Archive, readPart, SAVE_AGAIN, type XmlHandlers } from "./xlsx-archive";

/** What reading the first sheet needs, all read before it: its part, the date system, strings and styles. */
export type Book = {
  sheet: string;
  date1904: boolean;
  /** Shared strings; one longer than the cell limit is kept cut just past it, so a cell using it is refused. */
  strings: string[];
  /** Per cell style (cellXfs index): whether its number format shows a date. */
  dateStyles: boolean[];
};

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule, kept so files read as before: date or time codes outside [colour/locale] and "quoted text". */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const missing = (what: string) => new TableFormatError(`không đọc được tệp Excel: thiếu ${what}; ${SAVE_AGAIN}.`);

/** A target in a relationships part, relative to the part it belongs to or (with a leading /) to the package. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

const relsOf = (part: string) =>
  path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

type Relationship = { type: string; target: string };

async function readRels(archive: Archive, part: string, limits: Limits): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  await readPart(archive, part, {
    ...limits(part),
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
        rels.set(a.Id, { type: a.Type ?? "", target: a.Target });
    },
  });
  return rels;
}

type Limits = (part: string) => Pick<XmlHandlers, "runLimit" | "tooLong">;

/**
 * Reads the workbook's structure from the parts that describe it, never from their order in the zip:
 * the workbook (where Excel says it is), its first sheet and date system, then shared strings and styles.
 */
export async function readBook(archive: Archive, recordChars: number): Promise<Book> {
  const runLimit = recordChars * 10 + 1024; // room for a cell's text written as character references
  const limits: Limits = (part) => ({
    runLimit,
    tooLong: () => {
      throw new TableFormatError(
        `không đọc được tệp Excel: phần ${part} có đoạn dài hơn ${runLimit} ký tự liền; ${SAVE_AGAIN}.`,
      );
    },
  });
  let workbook = "xl/workbook.xml";
  if (!archive.parts.has(workbook) && archive.parts.has("_rels/.rels")) {
    const office = [...(await readRels(archive, "_rels/.rels", limits)).values()].find((r) =>
      r.type.endsWith("/officeDocument"),
    );
    if (office) workbook = resolve("", office.target);
  }
  if (!archive.parts.has(workbook.toLowerCase())) throw missing(`phần ${workbook} (không có trang tính nào)`);

  let date1904 = false;
  let sheetId: string | null = null;
  await readPart(archive, workbook, {
    ...limits(workbook),
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet" && sheetId === null)
        sheetId = Object.entries(a).find(([key]) => key.endsWith(":id"))?.[1] ?? "";
    },
  });
  if (sheetId === null) throw new TableFormatError("tệp Excel không có trang tính nào.");
  const rels = await readRels(archive, relsOf(workbook), limits);
  const sheetRel = rels.get(sheetId);
  if (!sheetRel) throw missing(`liên kết tới trang tính đầu tiên trong ${relsOf(workbook)}`);
  const sheet = resolve(workbook, sheetRel.target);
  if (!archive.parts.has(sheet.toLowerCase())) throw missing(`trang tính đầu tiên (${sheet})`);

  const partOf = (kind: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
    const part = rel ? resolve(workbook, rel.target) : resolve(workbook, `${kind}.xml`);
    return archive.parts.has(part.toLowerCase()) ? part : null;
  };
  const stringsPart = partOf("sharedStrings");
  const stylesPart = partOf("styles");
  return {
    sheet,
    date1904,
    strings: stringsPart ? await readStrings(archive, stringsPart, recordChars, limits) : [],
    dateStyles: stylesPart ? await readDateStyles(archive, stylesPart, limits) : [],
  };
}

/** Each <si>: its <t> texts, plain or in rich-text runs; phonetic guides (<rPh>) are not the cell's text. */
async function readStrings(archive: Archive, part: string, recordChars: number, limits: Limits) {
  const strings: string[] = [];
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(archive, part, {
    ...limits(part),
    open(name) {
      if (name === "si") text = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inText = text !== null && phonetic === 0;
    },
    text(value) {
      // Past the cell limit the rest no longer matters: a cell using this string is refused.
      if (inText && text !== null && text.length <= recordChars) text += value;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && text !== null) {
        strings.push(text.slice(0, recordChars + 1));
        text = null;
      }
    },
  });
  return strings;
}

/** Which cell styles show a date: their number format, custom (<numFmts>) before built-in, as exceljs did. */
async function readDateStyles(archive: Archive, part: string, limits: Limits) {
  const formats = new Map<number, string>();
  const styles: number[] = [];
  let within: string | null = null;
  await readPart(archive, part, {
    ...limits(part),
    open(name, a) {
      if (name === "numFmts" || name === "cellXfs") within = name;
      else if (name === "numFmt" && within === "numFmts") formats.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "xf" && within === "cellXfs") styles.push(Number(a.numFmtId) || 0);
    },
    close(name) {
      if (name === within) within = null;
    },
  });
  return styles.map((id) => {
    const custom = formats.get(id);
    return id !== 0 && (custom ? isDateFormat(custom) : BUILT_IN_DATES.has(id));
  });
}
