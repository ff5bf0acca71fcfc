import "server-only";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { formatDateVi, parseIsoDate, todayInVietnam } from "@/lib/format/dates";
import { formatCount, formatPercent, formatPoints } from "@/lib/format/numbers";
import { periodCount } from "@/lib/i18n/period-label";
import { publicMessages } from "@/lib/i18n/public-messages";
import { shownFigure } from "@/lib/leaderboard/shown-figures";
import { periodAsOf } from "@/lib/params/query-params";
import { getRanking } from "@/lib/rankings/get-ranking";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { parseLevel } from "@/lib/units/levels";
import { periodFlag } from "./period-flag";

type Flags = {
  indicator?: string;
  level?: string;
  parent?: string;
  "as-of"?: string;
  "structure-on"?: string;
  period?: string;
  basis?: string;
  json?: boolean;
};

export async function runRank(flags: Flags): Promise<number> {
  const period = periodFlag(flags.period, { name: "as-of", value: flags["as-of"] });
  if (period === "refused") return 2;
  const asOf = period ? periodAsOf(period) : flags["as-of"] ? parseIsoDate(flags["as-of"]) : todayInVietnam();
  const structureOn = flags["structure-on"] ? parseIsoDate(flags["structure-on"]) : undefined;
  const level = parseLevel(flags.level ?? "province");
  if (flags.basis !== undefined && flags.basis !== "official" && flags.basis !== "live") {
    console.error("--basis là official (số liệu đã phê duyệt) hoặc live (mọi số liệu đã lưu).");
    return 2;
  }
  if (!flags.indicator || !asOf || structureOn === null || !level) {
    console.error(
      "Cần --indicator MÃ, --level province|district|commune và ngày dạng YYYY-MM-DD (--as-of, --structure-on).",
    );
    return 2;
  }
  try {
    const ranking = await getRanking(db(), {
      indicator: flags.indicator,
      basis: flags.basis === "live" ? "live" : "official",
      level,
      parent: flags.parent,
      asOf,
      structureOn,
      period,
    });
    if (flags.json) {
      console.log(JSON.stringify(ranking, null, 2));
      return 0;
    }
    const within = period ? `, kỳ ${period.key} (${formatDateVi(period.start)}–${formatDateVi(period.end)})` : "";
    console.log(
      `Xếp hạng ${ranking.indicator}, cấp ${ranking.level}${ranking.parent ? ` thuộc ${ranking.parent}` : ""}${within}, tính đến ${formatDateVi(asOf)}\n`,
    );
    const scorecard = ranking.items.some((i) => i.periodsAtTop !== undefined);
    const rows = ranking.items.map((i) => [
      i.rank === null ? "–" : String(i.rank),
      i.code,
      i.name + (i.approximate ? " (≈)" : "") + (i.discrepancy ? " (!)" : ""),
      figureCell(i),
      i.ratio !== undefined && i.target !== null ? formatPercent(i.target) : formatCount(i.target),
      i.score !== undefined ? (i.band ?? "") : formatPercent(i.percent),
      i.reachedOn ? formatDateVi(new Date(i.reachedOn)) : "",
      i.daysAhead === null ? "" : String(i.daysAhead),
      i.forecastOn ? formatDateVi(new Date(i.forecastOn)) : "",
      i.neededPerWeek === null
        ? ""
        : i.ratio !== undefined
          ? `${formatPoints(i.neededPerWeek)} điểm %`
          : formatCount(i.neededPerWeek),
      i.trajectory ? publicMessages("vi").trajectory(i.trajectory) : "",
      i.childrenTotal === null ? "" : `${i.childrenDone}/${i.childrenTotal}`,
      ...(period ? [formatCount(i.change ?? null), i.previousRank == null ? "–" : String(i.previousRank)] : []),
      ...(scorecard ? [i.periodsAtTop ? periodCount(i.periodsAtTop, period?.kind ?? "week", "vi") : ""] : []),
    ]);
    printTable(
      [
        "Hạng",
        "Mã",
        "Tên",
        "Số liệu",
        "Chỉ tiêu",
        "Tỷ lệ",
        "Về đích",
        "Sớm (ngày)",
        "Dự báo",
        "Cần mỗi tuần",
        "Xu hướng",
        "Cấp dưới xong",
        ...(period ? ["Tăng trong kỳ", "Hạng kỳ trước"] : []),
        ...(scorecard ? ["Đứng đầu liên tiếp"] : []),
      ],
      rows,
    );
    return 0;
  } catch (error) {
    if (error instanceof InvalidParamError) {
      console.error(`✗ --${error.param}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** The unit's figure as the tables show it, with a ratio's percent beside it. */
function figureCell(i: RankingItem): string {
  const figure = shownFigure(i, { count: formatCount, points: formatPoints });
  return i.ratio != null && figure ? `${figure} (${formatPercent(i.ratio)})` : figure;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const numeric = new Set([0, 3, 4, 5, 7, 9, 10, 11]);
  const line = (cells: string[]) =>
    cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
