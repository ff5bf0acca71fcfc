import { describe, expect, it } from "vitest";
import { describeRankChange, rankChangeReason } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { rankingItem } from "../setup/ranking-item";

/** A ranked province with its percent of target (and target). */
function item(code: string, name: string, rank: number, percent: number, target = 1000): RankingItem {
  return rankingItem({ code, name, rank, value: (percent * target) / 100, target, percent });
}

// Last week Hà Nội led; this week Thanh Hoá (+2,1 points) and Nghệ An (+1,7) grew faster than it (+0,6).
const before = [item("01", "Hà Nội", 1, 50), item("38", "Thanh Hoá", 2, 49.2), item("40", "Nghệ An", 3, 49)];
const now = [item("38", "Thanh Hoá", 1, 51.3), item("40", "Nghệ An", 2, 50.7), item("01", "Hà Nội", 3, 50.6)];

/** The reason, which these cases must have. */
function reasonOf(code: string, items: RankingItem[]) {
  const reason = rankChangeReason(code, items, before);
  if (!reason) throw new Error(`no reason for ${code}`);
  return reason;
}

describe("why a rank changed", () => {
  it("names who passed a unit, by how much each grew, and its own growth against its peers' median", () => {
    const reason = reasonOf("01", now);
    expect(reason).toMatchObject({
      rankBefore: 1,
      rankNow: 3,
      places: -2,
      passedBy: [
        { code: "38", name: "Thanh Hoá" },
        { code: "40", name: "Nghệ An" },
      ],
      passed: [],
      targetChange: null,
    });
    expect(reason?.gain).toBeCloseTo(0.6, 10);
    expect(reason?.siblingsMedianGain).toBeCloseTo(1.9, 10);
    expect(describeRankChange(reason, "vi")).toBe(
      "giảm 2 bậc (từ 1 xuống 3): Thanh Hoá và Nghệ An tăng nhanh hơn (2,1 và 1,7 điểm %); Hà Nội tăng 0,6 điểm % (trung vị các đơn vị cùng cấp: 1,9 điểm %)",
    );
    expect(describeRankChange(reason, "en")).toBe(
      "down 2 places (from 1 to 3): Thanh Hoá and Nghệ An grew faster (2.1 and 1.7 points); Hà Nội grew 0.6 points (the median of its peers: 1.9 points)",
    );
  });

  it("names whom a unit passed, and says so when its target changed", () => {
    const withNewTarget = now.map((i) => (i.code === "40" ? { ...i, target: 800 } : i));
    const reason = reasonOf("40", withNewTarget);
    expect(reason).toMatchObject({ places: 1, passed: [{ code: "01", name: "Hà Nội" }], passedBy: [] });
    expect(describeRankChange(reason, "vi")).toBe(
      "tăng 1 bậc (từ 3 lên 2): vượt Hà Nội (tăng 0,6 điểm %); Nghệ An tăng 1,7 điểm % (trung vị các đơn vị cùng cấp: 1,35 điểm %); chỉ tiêu đổi từ 1.000 thành 800",
    );
  });

  it("has nothing to explain when the rank is the same, or the unit was not ranked before", () => {
    expect(rankChangeReason("38", [item("38", "Thanh Hoá", 2, 60)], before)).toBeNull();
    expect(rankChangeReason("99", [item("99", "Mới", 1, 80)], before)).toBeNull();
  });
});
