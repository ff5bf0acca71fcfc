import { addDays, formatDay, isoDate, sundayOnOrBefore } from "@/lib/format/dates";
import { formatsFor } from "@/lib/i18n/locale";
import { periodLabel } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";
import { describeRankChange } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import type { UnitOfCode } from "@/lib/units/units-on";
import type { IndicatorResult, ReportData } from "./report-data";

// The report's sentences, in Vietnamese as an administrative report writes them: numbers
// 1.234.567 and 98,60 %, dates dd/mm/yyyy, every figure as the ranking gives it.

const f = formatsFor("vi");
const words = publicMessages("vi");
const upper = (text: string) => text.toLocaleUpperCase("vi-VN");
const fullName = (u: { type: string; name: string }) => `${u.type} ${u.name}`;

/** Units named in a list before "và N đơn vị khác". */
const NAMES_LISTED = 10;

/** The agency's two header lines (the body above it, then the agency itself), per Nghị định 30/2020/NĐ-CP. */
export function agencyLines(data: Pick<ReportData, "unit" | "parent">): [string, string] {
  if (!data.unit) return ["BỘ CÔNG AN", "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI"];
  const above = data.parent ? `CÔNG AN ${upper(fullName(data.parent))}` : "BỘ CÔNG AN";
  return [above, `CÔNG AN ${upper(fullName(data.unit))}`];
}

/** "Số:      /BC-CAT": the number is left for the office that registers the report. */
export function numberLine(unit: UnitOfCode | null): string {
  const sign = !unit ? "C06" : unit.level === "PROVINCE" ? "CAT" : unit.level === "DISTRICT" ? "CAH" : "CAX";
  return `Số:          /BC-${sign}`;
}

/** "Nghệ An, ngày 07 tháng 12 năm 2026": where the agency sits (its province) and the day the report is made. */
export function placeAndDate(data: Pick<ReportData, "unit" | "parent">, made: Date): string {
  const place = !data.unit
    ? "Hà Nội"
    : data.unit.level === "PROVINCE"
      ? data.unit.name
      : (data.parent?.name ?? data.unit.name);
  const [y, m, d] = isoDate(made).split("-");
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The report's subject, naming the week's or the period's dates. */
export function subject(data: Pick<ReportData, "week" | "period" | "asOf">): string {
  if (data.period)
    return `Kết quả thực hiện Đề án 06 ${periodLabel(data.period, "vi")} (từ ngày ${formatDay(data.period.start)} đến ngày ${formatDay(data.asOf)})`;
  const monday = addDays(sundayOnOrBefore(data.week), -6);
  return `Kết quả thực hiện Đề án 06 tuần từ ngày ${formatDay(monday)} đến ngày ${formatDay(data.week)}`;
}

/** Where a unit ranks: the provinces nationally, the others within their parent. */
function among(data: Pick<ReportData, "unit" | "parent">): string {
  if (!data.unit || data.unit.level === "PROVINCE") return "toàn quốc";
  return data.parent ? `trong ${fullName(data.parent)}` : "cùng cấp";
}

/** A unit's figure for an indicator: a count, a share with its numerator and denominator, or a score. */
function figure(result: IndicatorResult, item: RankingItem): string {
  if (result.measure === "score")
    return `${f.points(item.score ?? null)}/${f.points(item.maxScore ?? null)} điểm${item.band ? `, xếp loại ${item.band}` : ""}`;
  if (result.measure === "ratio")
    return `tỷ lệ ${f.percent(item.ratio ?? null)} (${f.count(item.numerator ?? null)}/${f.count(item.denominator ?? null)})`;
  return f.count(item.value);
}

/** The increase in the week (or period), in the figure's own unit. */
function increase(result: IndicatorResult, item: RankingItem, period: boolean): string | null {
  const change = period ? (item.change ?? null) : item.weeklyChange;
  if (change === null) return null;
  if (change === 0) return period ? "không đổi trong kỳ" : "không đổi so với tuần trước";
  const amount =
    result.measure === "count"
      ? f.count(Math.abs(change))
      : `${f.points(Math.abs(change))} điểm${result.measure === "ratio" ? " %" : ""}`;
  const when = period ? "trong kỳ" : "so với tuần trước";
  return change >= 0 ? `tăng ${amount} ${when}` : `giảm ${amount} ${when}`;
}

/**
 * One indicator in one sentence: "Hồ sơ cấp CCCD gắn chip đã thu nhận: tính đến ngày 06/12/2026
 * đạt 1.234.567, bằng 98,60 % chỉ tiêu (1.252.000, hạn 31/12/2026); tăng 12.345 so với tuần
 * trước; xếp thứ 3/34 toàn quốc, tăng 2 bậc (…). Dự báo về đích ngày 20/12/2026; cần tăng thêm
 * 4.567 mỗi tuần để đạt đúng hạn (đúng tiến độ)."
 */
export function indicatorSentence(result: IndicatorResult, data: ReportData): string {
  const item = result.item;
  const when = `tính đến ngày ${formatDay(data.asOf)}`;
  if (!item) return `${result.name}: chưa có số liệu ${when}.`;
  const parts = [`${result.name}: ${when} đạt ${figure(result, item)}`];
  if (result.measure === "count" && item.target !== null)
    parts[0] += `, bằng ${f.percent(item.percent)} chỉ tiêu (${f.count(item.target)}${item.deadline ? `, hạn ${formatDay(item.deadline)}` : ""})`;
  if (result.measure === "ratio" && item.target !== null)
    parts[0] += `, chỉ tiêu ${f.percent(item.target)} (đạt ${f.percent(item.percent)} chỉ tiêu${item.deadline ? `, hạn ${formatDay(item.deadline)}` : ""})`;
  const grew = increase(result, item, Boolean(data.period));
  if (grew) parts.push(grew);
  if (item.rank !== null && result.of > 1) {
    const rank = `xếp thứ ${item.rank}/${result.of} ${among(data)}`;
    parts.push(result.reason ? `${rank}, ${describeRankChange(result.reason, "vi", result.measure)}` : rank);
  }
  const finish = finishSentence(result, item);
  return `${parts.join("; ")}.${finish ? ` ${finish}` : ""}`;
}

/** Reached (and how early or late), or the forecast and what is still needed each week. */
function finishSentence(result: IndicatorResult, item: RankingItem): string | null {
  if (item.reachedOn) {
    const days = item.daysAhead ?? 0;
    return `Đã về đích ngày ${formatDay(item.reachedOn)}${item.deadline ? (days >= 0 ? `, sớm ${days} ngày so với hạn` : `, muộn ${-days} ngày so với hạn`) : ""}.`;
  }
  const out: string[] = [];
  if (item.daysAhead !== null && item.daysAhead < 0)
    out.push(`Đã quá hạn ${-item.daysAhead} ngày mà chưa đạt chỉ tiêu`);
  else if (item.forecastOn) out.push(`Dự báo về đích ngày ${formatDay(item.forecastOn)}`);
  else if (item.deadline && result.measure === "count") out.push("Theo tốc độ 4 tuần gần nhất chưa thể về đích");
  if (item.neededPerWeek !== null) {
    const amount = result.measure === "ratio" ? `${f.points(item.neededPerWeek)} điểm %` : f.count(item.neededPerWeek);
    const where = item.trajectory ? ` (${words.trajectory(item.trajectory)})` : "";
    out.push(`cần tăng thêm ${amount} mỗi tuần để đạt chỉ tiêu đúng hạn${where}`);
  }
  return out.length ? `${out.join("; ")}.` : null;
}

/** "A, B, C … và 12 đơn vị khác". */
export function nameList(names: string[]): string {
  const shown = names.slice(0, NAMES_LISTED).join(", ");
  return names.length > NAMES_LISTED ? `${shown} và ${names.length - NAMES_LISTED} đơn vị khác` : shown;
}

/** The units below at risk of missing a deadline, each with its percent and its weekly need. */
export function behindSentence(indicator: string, items: RankingItem[]): string {
  const named = items.map((i) => {
    const need =
      i.neededPerWeek === null
        ? ""
        : `, cần ${i.ratio !== undefined ? `${f.points(i.neededPerWeek)} điểm %` : f.count(i.neededPerWeek)}/tuần`;
    return `${i.name} (đạt ${f.percent(i.percent)}${need})`;
  });
  return `${indicator}: ${items.length} đơn vị có nguy cơ không đạt chỉ tiêu đúng hạn: ${nameList(named)}.`;
}

/** The units below that had not reported the week when it fell due. */
export function lateSentence(data: ReportData): string | null {
  const reporting = data.reporting;
  if (!reporting?.submitPassed) return null;
  const late = reporting.units.filter((u) => u.late).map((u) => u.name);
  if (!late.length) return `Tất cả ${reporting.counts.total} đơn vị trực thuộc đã gửi báo cáo tuần đúng hạn.`;
  return `${late.length}/${reporting.counts.total} đơn vị trực thuộc chưa gửi (hoặc chưa được duyệt) báo cáo tuần đúng hạn: ${nameList(late)}.`;
}
