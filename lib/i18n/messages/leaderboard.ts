import { phrases } from "../phrase";
import { many } from "../plural";
import { COMMON, LEVELS } from "./common";

// The ranking tables and maps of the public pages.
export const LEADERBOARD = phrases({
  changeInPeriod: { vi: "Tăng trong kỳ", en: "Increase in period" },
  numeratorOverDenominator: { vi: "Tử số/mẫu số", en: "Numerator/denominator" },
  ratio: { vi: "Tỷ lệ", en: "Ratio" },
  shareTarget: { vi: "Chỉ tiêu (%)", en: "Target (%)" },
  score: { vi: "Điểm", en: "Score" },
  band: { vi: "Xếp loại", en: "Band" },
  scorePercent: { vi: "% điểm tối đa", en: "% of maximum" },
  components: { vi: "Thành phần (điểm/tối đa)", en: "Components (points/maximum)" },
  behindAbove: {
    vi: (points: string) => `kém đơn vị trên ${points} điểm`,
    en: (points: string) => `${points} points behind the unit above`,
  },
  pointsChange: { vi: "điểm", en: "points" },
  publishedScore: { vi: "điểm công bố", en: "published score" },
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
  rank: { vi: "Hạng", en: "Rank" },
  value: { vi: "Số liệu", en: "Value" },
  target: COMMON.target,
  percent: { vi: "Tỷ lệ", en: "Percent" },
  finish: { vi: "Về đích", en: "Target reached" },
  approximate: { vi: "gần đúng: có xã bị chia tách", en: "approximate: includes split communes" },
  atRisk: { vi: "nguy cơ trễ hạn", en: "at risk" },
  sameRank: { vi: "không đổi hạng", en: "rank unchanged" },
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
  noForecast: { vi: "chưa có dự báo", en: "no forecast" },
  mapGroup: {
    vi: "Bản đồ các tỉnh, thành phố theo tỷ lệ hoàn thành chỉ tiêu, gồm quần đảo Hoàng Sa và Trường Sa",
    en: "Map of provinces by percent of target, including the Hoàng Sa and Trường Sa archipelagos",
  },
  tileGroup: {
    vi: "Bản đồ ô vuông các tỉnh, thành phố theo tỷ lệ hoàn thành chỉ tiêu",
    en: "Tile map of provinces by percent of target",
  },
  noData: { vi: "chưa có số liệu", en: "no figures" },
  rankWord: { vi: "hạng", en: "rank" },
  hoangSa: { vi: "QĐ Hoàng Sa (Đà Nẵng)", en: "Hoàng Sa archipelago (Đà Nẵng)" },
  truongSa: { vi: "QĐ Trường Sa (Khánh Hòa)", en: "Trường Sa archipelago (Khánh Hòa)" },
});
