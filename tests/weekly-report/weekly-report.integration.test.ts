import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import yauzl from "yauzl";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { formatsFor } from "@/lib/i18n/locale";
import { describeRankChange, rankChangeReason } from "@/lib/rankings/rank-change-reasons";
import type { RankingItem } from "@/lib/rankings/ranking-types";
import { weeklyReport } from "@/lib/weekly-report/weekly-report";
import { SERVER_NODE_ARGS } from "../../scripts/node-args";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, day, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";

const prisma = connectTestDatabase();
const f = formatsFor("vi");

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  // The written report states approved weeks: these figures are approved.
  await approveAllWeeks(prisma);
});

/** The document's XML, its styles and its text (every run's text, in order). */
async function documentOf(body: Buffer): Promise<{ xml: string; styles: string; text: string; names: string[] }> {
  const zip = await yauzl.fromBufferPromise(body);
  const parts: Record<string, string> = {};
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) {
    names.push(entry.fileName);
    if (entry.fileName !== "word/document.xml" && entry.fileName !== "word/styles.xml") continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk);
    parts[entry.fileName] = Buffer.concat(chunks).toString("utf8");
  }
  const xml = parts["word/document.xml"] ?? "";
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      (m[1] ?? "").replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"'),
    )
    .join("\n");
  return { xml, styles: parts["word/styles.xml"] ?? "", text, names };
}

const rankings = async (asOf: string): Promise<RankingItem[]> =>
  (
    await (
      await rankingsRoute(
        new Request(`http://localhost/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=${asOf}`),
      )
    ).json()
  ).items;

describe("the written weekly report", () => {
  it("says a province's figures exactly as the ranking API gives them, in Vietnamese, under the decree's header, on A4", async () => {
    const { fileName, body } = await weeklyReport(
      prisma,
      { unit: "03", asOf: day("2023-04-30") },
      "cli",
      day("2023-05-02"),
    );
    expect(fileName).toBe("bao-cao-tuan-03-2023-04-30.docx");
    const { xml, styles, text, names } = await documentOf(body);

    // Nghị định 30/2020/NĐ-CP: agency, motto, number and symbol, place and date, title and subject.
    for (const part of [
      "BỘ CÔNG AN",
      "CÔNG AN TỈNH GAMMA",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "/BC-CAT",
      "Gamma, ngày 02 tháng 05 năm 2023",
      "BÁO CÁO",
      "Kết quả thực hiện Đề án 06 tuần từ ngày 24/04/2023 đến ngày 30/04/2023",
      "III. ĐỀ XUẤT, KIẾN NGHỊ",
    ])
      expect(text, part).toContain(part);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    // The unit's line against its target, as a chart Word draws from its data.
    expect(names).toContain("word/charts/chart1.xml");

    // Gamma: its value, percent, increase, rank (with its change), forecast and weekly need, as the API says.
    const [now, before] = await Promise.all([rankings("2023-04-30"), rankings("2023-04-23")]);
    const gamma = now.find((i) => i.code === "03") as RankingItem;
    const sentence = text.split("\n").find((line) => line.startsWith("Hồ sơ cấp CCCD gắn chip đã thu nhận:")) ?? "";
    expect(sentence).toContain(
      `đạt ${f.count(gamma.value)}, bằng ${f.percent(gamma.percent)} chỉ tiêu (${f.count(gamma.target)}`,
    );
    expect(sentence).toContain(`tăng ${f.count(gamma.weeklyChange)} so với tuần trước`);
    const reason = rankChangeReason("03", now, before);
    const rank = `xếp thứ ${gamma.rank}/4 toàn quốc`;
    expect(sentence).toContain(reason ? `${rank}, ${describeRankChange(reason, "vi")}` : rank);
    expect(sentence).toContain(`Dự báo về đích ngày ${f.date(gamma.forecastOn)}`);
    expect(sentence).toContain(
      `cần tăng thêm ${f.count(gamma.neededPerWeek)} mỗi tuần để đạt chỉ tiêu đúng hạn (đúng tiến độ)`,
    );
    // "1.050" and "105,00 %": Vietnamese formats, never 1,050 or 105.00.
    expect(sentence).toMatch(/\d+,\d{2} %/);
  });

  it("says why a province's rank moved, as the rankings of the two weeks give it", async () => {
    const [now, before] = await Promise.all([rankings("2023-04-30"), rankings("2023-04-23")]);
    const moved = now.filter((i) => rankChangeReason(i.code, now, before) !== null);
    expect(moved.length).toBeGreaterThan(0);
    for (const item of moved) {
      const { body } = await weeklyReport(
        prisma,
        { unit: item.code, asOf: day("2023-04-30") },
        "cli",
        day("2023-05-02"),
      );
      const { text } = await documentOf(body);
      const reason = rankChangeReason(item.code, now, before);
      expect(text).toContain(
        `xếp thứ ${item.rank}/4 toàn quốc, ${describeRankChange(reason as NonNullable<typeof reason>, "vi")}`,
      );
    }
  });

  it("says how many days early a unit reached its target, as the API gives them", async () => {
    const { body } = await weeklyReport(prisma, { unit: "01", asOf: day("2023-04-30") }, "cli", day("2023-05-02"));
    const { text } = await documentOf(body);
    const alpha = (await rankings("2023-04-30")).find((i) => i.code === "01") as RankingItem;
    expect(text).toContain(`Đã về đích ngày ${f.date(alpha.reachedOn)}, sớm ${alpha.daysAhead} ngày so với hạn.`);
    // The appendix ranks its districts.
    expect(text).toContain("PHỤ LỤC: XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC");
    expect(text).toContain("A1");
  });

  it("a period's report names the period's dates", async () => {
    const { fileName, body } = await weeklyReport(
      prisma,
      {
        unit: "01",
        asOf: day("2023-04-14"),
        period: { kind: "month", key: "month:2023-04", start: day("2023-03-15"), end: day("2023-04-14") },
      },
      "cli",
      day("2023-05-02"),
    );
    expect(fileName).toBe("bao-cao-month-2023-04-01.docx");
    const { text } = await documentOf(body);
    expect(text).toContain("(từ ngày 15/03/2023 đến ngày 14/04/2023)");
    expect(text).toMatch(/trong kỳ/);
  });

  it("is written by the command line", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "bao-cao-")), "bao-cao.docx");
    const run = spawnSync(
      process.execPath,
      [...SERVER_NODE_ARGS, "scripts/cli.ts", "report", "weekly", "--unit", "01", "--week", "2023-04-30", "--out", out],
      { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Đã ghi báo cáo");
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
