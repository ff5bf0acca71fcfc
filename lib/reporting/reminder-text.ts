import { formatDue, formatIsoDateVi } from "@/lib/format/dates";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import { ENTRY } from "@/lib/i18n/messages/entry";
import { plural } from "@/lib/i18n/plural";
import type { ChildrenReporting, LateNotice, ReportState, UnitReporting } from "./lateness";

// The words of every reminder, one home for the notice on screen and the e-mail (which is
// always Vietnamese, the language of the records).

export type ReminderText = { title: string; lines: string[] };

const NAMES_SHOWN = 10;

/** "Xã A, Xã B và 3 đơn vị khác" / "Xã A, Xã B and 3 more". */
export function unitList(units: UnitReporting[], locale: Locale = "vi", shown = NAMES_SHOWN): string {
  const names = units.slice(0, shown).map((u) => u.name);
  const more = units.length - names.length;
  if (more <= 0) return names.join(", ");
  return `${names.join(", ")} ${locale === "en" ? `and ${more} more` : `và ${more} đơn vị khác`}`;
}

/** The entry page's submit button, as the reader's language names it. */
const submitButton = (locale: Locale) => `“${ENTRY.submit[locale]}”`;

export function noticeText(notice: LateNotice, locale: Locale = "vi"): ReminderText {
  const week = locale === "en" ? formatsFor("en").date(notice.week) : formatIsoDateVi(notice.week);
  const due = formatDue(notice.due, locale);
  if (notice.kind === "SUBMIT") {
    if (locale === "en") {
      return {
        title: `${notice.unit} has not submitted its report for the week ending ${week}`,
        lines: [
          `It was due ${due}.`,
          notice.state === "NOT_REPORTED"
            ? `No figures for this week yet: enter them, save, then press ${submitButton("en")}.`
            : `The figures are saved but the report is not submitted: check them, then press ${submitButton("en")}.`,
        ],
      };
    }
    return {
      title: `${notice.unit} chưa gửi báo cáo tuần kết thúc ${week}`,
      lines: [
        `Hạn gửi là ${due} và đã qua.`,
        notice.state === "NOT_REPORTED"
          ? `Chưa có số liệu nào của tuần này: nhập số liệu, lưu, rồi bấm ${submitButton("vi")}.`
          : `Số liệu đã lưu nhưng báo cáo chưa được gửi: kiểm tra lại rồi bấm ${submitButton("vi")}.`,
      ],
    };
  }
  const { waiting, notSubmitted } = notice;
  if (locale === "en") {
    const lines: string[] = [];
    if (waiting.length)
      lines.push(
        `${waiting.length} ${plural("en", waiting.length, { one: "report waits", other: "reports wait" })} for approval: ${unitList(waiting, "en")}.`,
      );
    if (notSubmitted.length)
      lines.push(
        `${notSubmitted.length} ${plural("en", notSubmitted.length, { one: "unit has", other: "units have" })} not submitted: ${unitList(notSubmitted, "en")}.`,
      );
    const whose = notice.national ? "The provinces' reports" : `Reports from the units of ${notice.scope}`;
    return { title: `${whose} for the week ending ${week} are late (approval due ${due})`, lines };
  }
  const lines: string[] = [];
  if (waiting.length) lines.push(`${waiting.length} báo cáo chờ phê duyệt: ${unitList(waiting)}.`);
  if (notSubmitted.length) lines.push(`${notSubmitted.length} đơn vị chưa gửi báo cáo: ${unitList(notSubmitted)}.`);
  return {
    title: `Báo cáo tuần kết thúc ${week} của ${notice.national ? "các tỉnh, thành phố" : `các đơn vị thuộc ${notice.scope}`} quá hạn (hạn duyệt ${due})`,
    lines,
  };
}

const STATE_WORDS: Record<Locale, Record<ReportState, string>> = {
  vi: {
    NOT_REPORTED: "chưa có số liệu",
    NOT_SUBMITTED: "có số liệu, chưa gửi",
    SUBMITTED: "đã gửi, chờ duyệt",
    APPROVED: "đã duyệt",
  },
  en: {
    NOT_REPORTED: "no figures",
    NOT_SUBMITTED: "figures saved, not submitted",
    SUBMITTED: "submitted, awaiting approval",
    APPROVED: "approved",
  },
};

export function reportStateWords(unit: UnitReporting, locale: Locale = "vi"): string {
  return STATE_WORDS[locale][unit.state];
}

/** The weekly summary e-mail for the level above: counts, due times, then every unit that is late. */
export function summaryText(scope: string, reporting: ChildrenReporting): ReminderText {
  const c = reporting.counts;
  const late = reporting.units.filter((u) => u.late);
  return {
    title: `Tổng hợp báo cáo tuần kết thúc ${formatIsoDateVi(reporting.week)} – ${scope}`,
    lines: [
      `${c.total} đơn vị: có số liệu ${c.withFigures}, đã gửi ${c.submitted}, đã duyệt ${c.approved}.`,
      reporting.submitDue
        ? `Hạn gửi ${formatDue(reporting.submitDue)}; hạn duyệt ${formatDue(reporting.approveDue)}.`
        : "",
      late.length ? `Quá hạn (${late.length}):` : "Không đơn vị nào quá hạn.",
      ...late.map((u) => `  – ${u.name}: ${reportStateWords(u)}`),
    ].filter(Boolean),
  };
}
