import { formatsFor, type Locale } from "../locale";
import { type Phrase, phrases, plain } from "../phrase";
import qualityJson from "./quality.json";

// The data-quality page (/chat-luong), the reconciliation page (/doi-soat) and each flag's
// reason: a sentence with the numbers behind it, in both languages.

type Numbers = Record<string, number | string | null>;
type Reason = (numbers: Numbers, indicator: string, locale: Locale) => string;

const n = (locale: Locale, value: number | string | null | undefined) =>
  typeof value === "number" ? formatsFor(locale).count(Math.round(value)) : "?";
const pct = (locale: Locale, value: number | string | null | undefined) =>
  typeof value === "number" ? formatsFor(locale).percent(Math.round(value * 100) / 100) : "?";
const m = (locale: Locale, value: number | string | null | undefined) =>
  typeof value === "number" ? formatsFor(locale).points(Math.round(value * 10) / 10) : "∞";
const day = (locale: Locale, value: number | string | null | undefined) =>
  typeof value === "string" ? formatsFor(locale).date(value.slice(0, 10)) : "?";
const moment = (locale: Locale, value: number | string | null | undefined) =>
  typeof value === "string" ? formatsFor(locale).moment(value) : "?";

/** Why each kind of flag was raised, with its numbers. */
export const FLAG_REASONS: Record<string, Phrase<Reason>> = {
  outlier: {
    vi: (x, ind, l) =>
      `${ind}: ${Number(x.increase) < 0 ? "giảm" : "tăng"} ${n(l, Math.abs(Number(x.increase)))} trong tuần (từ ${n(l, x.previous)} ${Number(x.increase) < 0 ? "xuống" : "lên"} ${n(l, x.value)}), ` +
      `${x.against === "history" ? "mức tăng thường của đơn vị" : "mức tăng thường của các đơn vị cùng cấp"} là ` +
      `${n(l, x.usual)}/tuần (điểm z hiệu chỉnh ${m(l, x.m)}, ngưỡng 3,5; so với ${x.sample} ${x.against === "history" ? "tuần trước" : "đơn vị"}).`,
    en: (x, ind, l) =>
      `${ind}: ${Number(x.increase) < 0 ? "down" : "up"} ${n(l, Math.abs(Number(x.increase)))} this week (from ${n(l, x.previous)} to ${n(l, x.value)}), ` +
      `while the ${x.against === "history" ? "unit's usual increase" : "usual increase of units at the same level"} is ` +
      `${n(l, x.usual)}/week (modified z-score ${m(l, x.m)}, limit 3.5; against ${x.sample} ${x.against === "history" ? "earlier weeks" : "units"}).`,
  },
  repeated: {
    vi: (x, ind, l) =>
      `${ind}: cùng một số ${n(l, x.value)} trong ${x.weeks} tuần liên tiếp, trong khi ${pct(l, Number(x.share) * 100)} đơn vị cùng cấp có số thay đổi.`,
    en: (x, ind, l) =>
      `${ind}: the same ${n(l, x.value)} for ${x.weeks} weeks in a row, while ${pct(l, Number(x.share) * 100)} of the units at the same level changed.`,
  },
  "above-eligible": {
    vi: (x, ind, l) =>
      `${ind}: ${n(l, x.value)} vượt ${x.ceilingCode === "CCCD_ELIGIBLE" ? "số công dân đủ điều kiện" : `số liệu ${x.ceilingCode}`} ${n(l, x.ceiling)} (${pct(l, x.percent)}).`,
    en: (x, ind, l) =>
      `${ind}: ${n(l, x.value)} is above ${x.ceilingCode === "CCCD_ELIGIBLE" ? "the eligible citizens" : `the figure of ${x.ceilingCode}`}, ${n(l, x.ceiling)} (${pct(l, x.percent)}).`,
  },
  "denominator-jump": {
    vi: (x, ind, l) => `${ind}: mẫu số đổi từ ${n(l, x.previous)} thành ${n(l, x.now)} so với lần báo cáo trước.`,
    en: (x, ind, l) => `${ind}: the denominator went from ${n(l, x.previous)} to ${n(l, x.now)} since the last report.`,
  },
  "changed-after-approval": {
    vi: (x, ind, l) =>
      `${ind}: sửa từ ${n(l, x.from)} thành ${n(l, x.to)} lúc ${moment(l, x.at)} (${x.by}), sau khi báo cáo tuần được ${x.approvedBy} phê duyệt lúc ${moment(l, x.approvedAt)}.`,
    en: (x, ind, l) =>
      `${ind}: changed from ${n(l, x.from)} to ${n(l, x.to)} at ${moment(l, x.at)} (${x.by}), after ${x.approvedBy} approved the week's report at ${moment(l, x.approvedAt)}.`,
  },
  "stopped-reporting": {
    vi: (x, _ind, l) => `Đã báo cáo đến tuần ${day(l, x.lastWeek)}, tuần này chưa có số liệu nào.`,
    en: (x, _ind, l) => `Reported until the week of ${day(l, x.lastWeek)}; nothing this week.`,
  },
};

/** A flag's reason in one language. */
export function flagReason(
  flag: { kind: string; numbers: Numbers; indicator: { nameVi: string; nameEn: string } | null },
  locale: Locale,
): string {
  const indicator = flag.indicator ? (locale === "en" ? flag.indicator.nameEn : flag.indicator.nameVi) : "";
  return FLAG_REASONS[flag.kind]?.[locale](flag.numbers, indicator, locale) ?? flag.kind;
}

export const QUALITY = phrases({
  ...plain(qualityJson),
  weekOf: {
    vi: (date: string) => `Tuần kết thúc Chủ nhật ${date}`,
    en: (date) => `Week ending Sunday ${date}`,
  },
  summary: {
    vi: (total: string, checked: string) => `${total} cảnh báo, ${checked} đã kiểm tra.`,
    en: (total, checked) => `${total} ${total === "1" ? "flag" : "flags"}, ${checked} checked.`,
  },
  shownOf: {
    vi: (shown: string, total: string) => `Hiển thị ${shown} cảnh báo đầu trong ${total}.`,
    en: (shown, total) => `Showing the first ${shown} of ${total} flags.`,
  },
  recDone: {
    vi: (rows: number, found: number) => `Đã đối chiếu ${rows} dòng: ${found} chênh lệch ngoài sai số cho phép.`,
    en: (rows, found) =>
      `Compared ${rows} rows: ${found} ${found === 1 ? "difference" : "differences"} outside the tolerance.`,
  },
  recShown: {
    vi: (shown: number, total: number) => `Hiển thị ${shown} trong ${total} dòng.`,
    en: (shown, total) => `Showing ${shown} of ${total} rows.`,
  },
  checkedBy: {
    vi: (who: string, at: string) => `Đã kiểm tra: ${who}, ${at}`,
    en: (who, at) => `Checked by ${who}, ${at}`,
  },
});
