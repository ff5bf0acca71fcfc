import { phrases, plain } from "../phrase";
import { many } from "../plural";
import { COMMON, LEVELS } from "./common";
import leaderboardJson from "./leaderboard.json";

// The ranking tables and maps of the public pages.
export const LEADERBOARD = phrases({
  ...plain(leaderboardJson),
  behindAbove: {
    vi: (points: string) => `kém đơn vị trên ${points} điểm`,
    en: (points: string) => `${points} points behind the unit above`,
  },
  rankUpPeriod: {
    vi: (_n: number): string => " bậc tăng so với kỳ trước",
    en: (n) => ` ${many(n, "place", "places")} up on the period before`,
  },
  rankDownPeriod: {
    vi: (_n: number): string => " bậc giảm so với kỳ trước",
    en: (n) => ` ${many(n, "place", "places")} down on the period before`,
  },
  provinceUnits: LEVELS.PROVINCE,
  districtUnits: LEVELS.DISTRICT,
  communeUnits: LEVELS.COMMUNE,
  districtsDone: COMMON.districtsDone,
  communesDone: COMMON.communesDone,
  districtsInTopBand: {
    vi: (percent: string) => `Huyện đạt ≥ ${percent} % điểm`,
    en: (percent) => `Districts ≥ ${percent}% of points`,
  },
  communesInTopBand: {
    vi: (percent: string) => `Xã đạt ≥ ${percent} % điểm`,
    en: (percent) => `Communes ≥ ${percent}% of points`,
  },
  atTopFor: { vi: (run: string) => `đứng đầu ${run} liên tiếp`, en: (run) => `top for ${run} running` },
  target: COMMON.target,
  rankUp: {
    vi: (_n: number): string => " bậc tăng so với tuần trước",
    en: (n) => ` ${many(n, "place", "places")} up since last week`,
  },
  rankDown: {
    vi: (_n: number): string => " bậc giảm so với tuần trước",
    en: (n) => ` ${many(n, "place", "places")} down since last week`,
  },
  none: COMMON.none,
  early: { vi: (d: number) => `sớm ${d} ngày`, en: (d) => `${d} ${many(d, "day", "days")} early` },
  late: { vi: (d: number) => `trễ ${d} ngày`, en: (d) => `${d} ${many(d, "day", "days")} late` },
  overdue: { vi: (d: number) => `quá hạn ${d} ngày`, en: (d) => `${d} ${many(d, "day", "days")} overdue` },
  expected: { vi: (date: string) => `dự kiến ${date}`, en: (date) => `expected ${date}` },
  trajectory: {
    vi: (t: "done" | "on-track" | "at-risk" | "off-track"): string =>
      ({ done: "đã đạt", "on-track": "đúng tiến độ", "at-risk": "nguy cơ trễ hạn", "off-track": "chậm tiến độ" })[t],
    en: (t) => ({ done: "done", "on-track": "on track", "at-risk": "at risk", "off-track": "off track" })[t],
  },
  /** The weekly increase still needed to make the deadline, already formatted (a count, or points with their unit). */
  neededPerWeek: { vi: (amount: string) => `cần +${amount}/tuần`, en: (amount) => `needs +${amount} a week` },
});
