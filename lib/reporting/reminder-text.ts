import { formatDueVi, formatIsoDateVi } from "@/lib/format/dates";
import type { ChildrenReporting, LateNotice, UnitReporting } from "./lateness";

// The words of every reminder, one home for the notice on screen and the e-mail.

export type ReminderText = { title: string; lines: string[] };

const NAMES_SHOWN = 10;

/** "Xã A, Xã B và 3 đơn vị khác". */
export function unitList(units: UnitReporting[], shown = NAMES_SHOWN): string {
  const names = units.slice(0, shown).map((u) => u.name);
  const more = units.length - names.length;
  return more > 0 ? `${names.join(", ")} và ${more} đơn vị khác` : names.join(", ");
}

export function noticeText(notice: LateNotice): ReminderText {
  const week = formatIsoDateVi(notice.week);
  if (notice.kind === "SUBMIT") {
    return {
      title: `${notice.unit} chưa gửi báo cáo tuần kết thúc ${week}`,
      lines: [
        `Hạn gửi là ${formatDueVi(notice.due)} và đã qua.`,
        notice.state === "NOT_REPORTED"
          ? "Chưa có số liệu nào của tuần này: nhập số liệu, lưu, rồi bấm “Gửi báo cáo”."
          : "Số liệu đã lưu nhưng báo cáo chưa được gửi: kiểm tra lại rồi bấm “Gửi báo cáo”.",
      ],
    };
  }
  const lines: string[] = [];
  if (notice.waiting.length) lines.push(`${notice.waiting.length} báo cáo chờ phê duyệt: ${unitList(notice.waiting)}.`);
  if (notice.notSubmitted.length)
    lines.push(`${notice.notSubmitted.length} đơn vị chưa gửi báo cáo: ${unitList(notice.notSubmitted)}.`);
  return {
    title: `Báo cáo tuần kết thúc ${week} của cấp dưới ${notice.scope} quá hạn (hạn duyệt ${formatDueVi(notice.due)})`,
    lines,
  };
}

const STATE_WORDS = {
  NOT_REPORTED: "chưa có số liệu",
  NOT_SUBMITTED: "có số liệu, chưa gửi",
  SUBMITTED: "đã gửi, chờ duyệt",
  APPROVED: "đã duyệt",
} as const;

export function reportStateWords(unit: UnitReporting): string {
  return STATE_WORDS[unit.state];
}

/** The weekly summary for the level above: counts, then every unit that is late. */
export function summaryText(scope: string, reporting: ChildrenReporting): ReminderText {
  const c = reporting.counts;
  const late = reporting.units.filter((u) => u.late);
  return {
    title: `Tổng hợp báo cáo tuần kết thúc ${formatIsoDateVi(reporting.week)} – ${scope}`,
    lines: [
      `${c.total} đơn vị: có số liệu ${c.withFigures}, đã gửi ${c.submitted}, đã duyệt ${c.approved}.`,
      reporting.submitDue
        ? `Hạn gửi ${formatDueVi(reporting.submitDue)}; hạn duyệt ${formatDueVi(reporting.approveDue)}.`
        : "",
      late.length ? `Quá hạn (${late.length}):` : "Không đơn vị nào quá hạn.",
      ...late.map((u) => `  – ${u.name}: ${reportStateWords(u)}`),
    ].filter(Boolean),
  };
}
