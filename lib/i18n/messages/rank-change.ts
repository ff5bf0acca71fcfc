import { phrases } from "../phrase";
import { many } from "../plural";

/** A list of names as each language writes one: "A, B và C" / "A, B and C"; `more` names left out. */
function names(list: string[], more: number, and: string, others: (n: number) => string): string {
  const all = more > 0 ? [...list, others(more)] : list;
  return all.length <= 1 ? (all[0] ?? "") : `${all.slice(0, -1).join(", ")} ${and} ${all.at(-1)}`;
}

// Why a rank changed, in one sentence (lib/rankings/rank-change-reasons.ts): amounts come
// formatted ("2,1 điểm %"), names as written.
export const RANK_CHANGE = phrases({
  moved: {
    vi: (places: number, from: number, to: number) =>
      places > 0 ? `tăng ${places} bậc (từ ${from} lên ${to})` : `giảm ${-places} bậc (từ ${from} xuống ${to})`,
    en: (places, from, to) =>
      places > 0
        ? `up ${places} ${many(places, "place", "places")} (from ${from} to ${to})`
        : `down ${-places} ${many(-places, "place", "places")} (from ${from} to ${to})`,
  },
  passedBy: {
    vi: (who: string[], more: number, gains: string[]) =>
      `${names(who, more, "và", (n) => `${n} đơn vị khác`)} tăng nhanh hơn (${names(gains, 0, "và", String)})`,
    en: (who, more, gains) =>
      `${names(who, more, "and", (n) => `${n} ${many(n, "other", "others")}`)} grew faster (${names(gains, 0, "and", String)})`,
  },
  passed: {
    vi: (who: string[], more: number, gains: string[]) =>
      `vượt ${names(who, more, "và", (n) => `${n} đơn vị khác`)} (tăng ${names(gains, 0, "và", String)})`,
    en: (who, more, gains) =>
      `passed ${names(who, more, "and", (n) => `${n} ${many(n, "other", "others")}`)} (who grew ${names(gains, 0, "and", String)})`,
  },
  ownGain: {
    vi: (unit: string, gain: string, median: string | null) =>
      `${unit} tăng ${gain}${median ? ` (trung vị các đơn vị cùng cấp: ${median})` : ""}`,
    en: (unit, gain, median) => `${unit} grew ${gain}${median ? ` (the median of its peers: ${median})` : ""}`,
  },
  targetChanged: {
    vi: (before: string, now: string) => `chỉ tiêu đổi từ ${before} thành ${now}`,
    en: (before, now) => `its target changed from ${before} to ${now}`,
  },
  denominatorChanged: {
    vi: (before: string, now: string) => `mẫu số đổi từ ${before} thành ${now}`,
    en: (before, now) => `its denominator changed from ${before} to ${now}`,
  },
  percentPoints: { vi: (n: string) => `${n} điểm %`, en: (n) => `${n} points` },
  scorePoints: { vi: (n: string) => `${n} điểm`, en: (n) => `${n} ${n === "1" ? "point" : "points"}` },
});
