// National-scale benchmark: the 63 / 696 / 10,035 structure of ../shared/data with 156 weeks
// of figures for 5 counts on every commune (about 7.8 million figures), 6 ratios every four
// weeks, the provinces' checklist, two derived ratios and a scorecard. Prints load time,
// p50/p95 of the rankings and a unit's series, the rankings API's rate beside a trivial JSON
// route, and checks that a saved figure shows in the next ranking. `--smoke` runs the same
// path at a small scale (CI).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Period, parsePeriod } from "@/lib/calendar/periods";
import { db, disconnectDb } from "@/lib/db/client";
import { generateDemo } from "@/lib/demo/generate-demo";
import { addDays, isoDate } from "@/lib/format/dates";
import { FIGURE_COLUMNS, importFigures } from "@/lib/imports/import-figures";
import { grantRuntimeRole, RUNTIME_ROLE } from "@/lib/postgres/database-roles";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "@/lib/postgres/embedded-postgres";
import { applyMigrations, PROJECT_ROOT } from "@/lib/postgres/schema-engine";
import { listWeekFlags } from "@/lib/quality/week-flags";
import { getRanking } from "@/lib/rankings/get-ranking";
import { getUnitSeries } from "@/lib/series/get-unit-series";
import { readTable, type TableRow } from "@/lib/tables/read-table";
import { importUnits } from "@/lib/unit-imports/import-units";
import { flattenUnitList, ZUnitListFile } from "@/lib/unit-imports/unit-list-file";
import { weeklyReport } from "@/lib/weekly-report/weekly-report";
import { freePort } from "@/tests/setup/test-database";
import { SERVER_NODE_ARGS } from "../scripts/node-args";
import { ABUSE_SCALES, type AbuseScale, benchAbuse } from "./abuse";
import { benchConcurrentSaves } from "./concurrent-saves";
import { loadLine, loadTest } from "./http-load";
import { benchBackup, benchTopology } from "./operations";
import { benchPublication } from "./publication";
import { saveLatency } from "./save-latency";
import { percentile, timed } from "./stats";

const UNITS_FILE = path.resolve(PROJECT_ROOT, "../shared/data/vn-units-2025-03.json");
const UNTIL = new Date("2025-06-29T00:00:00Z"); // last Sunday of the 63-province structure

type Scale = { weeks: number; runs: number; seconds: number; label: string; abuse: AbuseScale };
export const SCALES: Record<"full" | "smoke", Scale> = {
  full: { weeks: 156, runs: 200, seconds: 10, label: "quốc gia, 156 tuần", abuse: ABUSE_SCALES.full },
  smoke: { weeks: 3, runs: 20, seconds: 2, label: "kiểm tra nhanh, 3 tuần", abuse: ABUSE_SCALES.smoke },
};

export async function benchNational(scale: Scale, options: { rankingsOnly?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "bench-national-"));
  await fs.chmod(parent, 0o755);
  const server = await startEmbeddedPostgres({
    dir: path.join(parent, "data"),
    port: await freePort(),
    ephemeral: true,
  });
  try {
    // As the product sets itself up: the owner migrates and grants the runtime role its rights.
    // The benchmark itself writes as the superuser (bulk demo data without triggers).
    process.env.DATABASE_URL = server.url;
    await applyMigrations(server.ownerUrl);
    await grantRuntimeRole(server.ownerUrl, RUNTIME_ROLE);
    const prisma = db();

    const list = flattenUnitList(ZUnitListFile.parse(JSON.parse(await fs.readFile(UNITS_FILE, "utf8"))));
    const unitsMs = await timed(() => importUnits(prisma, list, addDays(UNTIL, -7 * 200)));
    let figures = 0;
    const demoMs = await timed(async () => {
      ({ figures } = await generateDemo(prisma, { weeks: scale.weeks, seed: "bench", until: UNTIL }));
    });
    out.push(
      `Dữ liệu (${scale.label}): ${list.length.toLocaleString("vi-VN")} đơn vị, ${figures.toLocaleString("vi-VN")} số liệu`,
    );
    out.push(
      `  nạp đơn vị ${(unitsMs / 1000).toFixed(1)} s; sinh số liệu + chỉ tiêu + nhật ký + bảng tổng hợp ${(demoMs / 1000).toFixed(1)} s`,
    );

    const query =
      (
        level: "PROVINCE" | "DISTRICT" | "COMMUNE",
        parentCode?: string,
        indicator = "CCCD_INTAKE",
        basis: "official" | "live" = "live",
      ) =>
      () =>
        getRanking(prisma, { indicator, basis, level, parent: parentCode, asOf: UNTIL });
    // A reporting period ranks twice (the period and the one before) and reads each unit's base.
    const inPeriod = (key: string, level: "PROVINCE" | "COMMUNE", parentCode?: string, indicator = "CCCD_INTAKE") => {
      const period = parsePeriod(key) as Period;
      return () =>
        getRanking(prisma, { indicator, basis: "live", level, parent: parentCode, asOf: period.end, period });
    };
    const seriesParams = new URLSearchParams({ indicator: "CCCD_INTAKE", asOf: isoDate(UNTIL) });
    const cases: [string, () => Promise<unknown>][] = [
      ["Xếp hạng 63 tỉnh toàn quốc", query("PROVINCE")],
      // The official basis (approved weeks: all but the last two), as the public reads it.
      ["Xếp hạng 63 tỉnh, số liệu đã phê duyệt", query("PROVINCE", undefined, "CCCD_INTAKE", "official")],
      ["Các xã của Thanh Hoá, đã phê duyệt", query("COMMUNE", "38", "CCCD_INTAKE", "official")],
      ["Bộ chỉ số 63 tỉnh, đã phê duyệt", query("PROVINCE", undefined, "BO_CHI_SO_PVND", "official")],
      ["Xếp hạng các huyện của Hà Nội (30)", query("DISTRICT", "01")],
      ["Xếp hạng các xã của Hà Nội (526)", query("COMMUNE", "01")],
      ["Xếp hạng các xã của Thanh Hoá (547)", query("COMMUNE", "38")],
      ["Xếp hạng 63 tỉnh, kỳ quý II/2025", inPeriod("quarter:2025-Q2", "PROVINCE")],
      // A ratio (Σ numerators / Σ denominators) and the five-component scorecard.
      ["Xếp hạng 63 tỉnh theo tỷ lệ (BHYT_SYNC)", query("PROVINCE", undefined, "BHYT_SYNC")],
      ["Xếp hạng các xã của Hà Nội theo tỷ lệ", query("COMMUNE", "01", "BHYT_SYNC")],
      ["Xếp hạng 63 tỉnh theo bộ chỉ số (5 phần)", query("PROVINCE", undefined, "BO_CHI_SO_PVND")],
      ["Xếp hạng các xã của Hà Nội theo bộ chỉ số", query("COMMUNE", "01", "BO_CHI_SO_PVND")],
      ["Xếp hạng các xã của Hà Nội, tháng 6/2025", inPeriod("month:2025-06", "COMMUNE", "01")],
      // A scorecard for a month: the month before too, and the months its leader has led.
      ["Bộ chỉ số, các xã của Hà Nội, tháng 6/2025", inPeriod("month:2025-06", "COMMUNE", "01", "BO_CHI_SO_PVND")],
      ["Chuỗi số liệu của một tỉnh (Hà Nội)", () => getUnitSeries(prisma, "01", seriesParams)],
    ];
    for (const [label, run] of cases) {
      for (let i = 0; i < 5; i++) await run(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < scale.runs; i++) samples.push(await timed(run));
      out.push(
        `${label.padEnd(44)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms   (n=${samples.length})`,
      );
    }

    out.push(...(await saveLatency(prisma, UNTIL)));
    out.push(...(await benchPublication(prisma, UNTIL, scale.runs)));
    out.push(...(await weekFlags(prisma)));
    if (options.rankingsOnly) return out;
    out.push(...(await writtenReport(prisma)));
    out.push(...(await weeklyFileImport(prisma)));
    out.push(...(await freshness(prisma)));
    await disconnectDb();
    out.push(...(await httpRate(server, scale)));
    out.push(...(await benchBackup(server, path.join(parent, "data"), parent)));
    out.push(...(await benchTopology(server, path.join(parent, "data"), parent, UNTIL, scale.seconds)));
  } finally {
    await disconnectDb();
    await server.stop();
    await fs.rm(parent, { recursive: true, force: true });
  }
  return out;
}

/**
 * The written weekly report of Hà Nội: every indicator ranked among the provinces and the
 * week before, its districts, their reporting. Once with nothing remembered (the benchmark's
 * rankings above are not kept; as the first download after new figures), then again.
 */
async function writtenReport(prisma: ReturnType<typeof db>): Promise<string[]> {
  const run = () => weeklyReport(prisma, { unit: "01", asOf: UNTIL }, "cli");
  const cold = await timed(run);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await timed(run));
  const { body } = await run();
  return [
    `Báo cáo tuần (.docx, ${Math.round(body.length / 1024)} KB) của Hà Nội: lần đầu ${cold.toFixed(0)} ms, lặp lại p50 ${percentile(warm, 50).toFixed(0)} ms`,
  ];
}

/** The week's data-quality flags of the whole country (the ministry's page) and of one province. */
async function weekFlags(prisma: ReturnType<typeof db>): Promise<string[]> {
  const ministry = { id: 0, username: "bench", displayName: "bench", role: "MINISTRY_ADMIN" as const, unitId: null };
  const hanoi = await prisma.unit.findFirstOrThrow({ where: { code: "01" }, orderBy: { validFrom: "desc" } });
  const lines: string[] = [];
  for (const [label, actor] of [
    ["toàn quốc", ministry],
    ["Hà Nội", { ...ministry, role: "PROVINCE_OFFICER" as const, unitId: hanoi.id }],
  ] as const) {
    let found = 0;
    const cold = await timed(async () => {
      found = (await listWeekFlags(prisma, actor, { week: isoDate(UNTIL) })).total;
    });
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timed(() => listWeekFlags(prisma, actor, { week: isoDate(UNTIL) })));
    lines.push(
      `Cảnh báo chất lượng số liệu của tuần, ${label}: ${found.toLocaleString("vi-VN")} cảnh báo, lần đầu ${cold.toFixed(0)} ms, lặp lại p50 ${percentile(warm, 50).toFixed(0)} ms`,
    );
  }
  return lines;
}

/** A national weekly file: every commune × 5 indicators, one week after the loaded data. */
async function weeklyFileImport(prisma: ReturnType<typeof db>): Promise<string[]> {
  const asOf = addDays(UNTIL, 7);
  const latest = await prisma.$queryRaw<{ code: string; indicator: string; value: number }[]>`
    SELECT u.code, i.code AS indicator, f.value FROM figure f
    JOIN unit u ON u.id = f.unit_id JOIN indicator i ON i.id = f.indicator_id
    WHERE f.as_of = ${UNTIL}::date AND u.level = 'COMMUNE' AND i.kind IN ('STOCK', 'CUMULATIVE')`;
  const file = path.join(os.tmpdir(), `bench-weekly-${process.pid}.csv`);
  const lines = latest.map((r) => `${r.code},${r.indicator},${isoDate(asOf)},${r.value + 25}`);
  await fs.writeFile(file, `unit_code,indicator,as_of,value\n${lines.join("\n")}\n`);
  let report: Awaited<ReturnType<typeof importFigures>> | undefined;
  const ms = await timed(async () => {
    report = await importFigures(prisma, readTable({ path: file }, FIGURE_COLUMNS), {
      actor: "bench",
      source: "bench",
    });
  });
  await fs.rm(file);
  return [
    `Nhập tệp tuần toàn quốc (${lines.length.toLocaleString("vi-VN")} dòng CSV): ${(ms / 1000).toFixed(1)} s, ` +
      `thêm ${report?.inserted}, lỗi ${report?.errors.length}, cảnh báo ${report?.warnings.length}`,
  ];
}

/** A saved figure must be in the very next ranking: no batch step in between. */
async function freshness(prisma: ReturnType<typeof db>): Promise<string[]> {
  const before = await getRanking(prisma, { indicator: "CCCD_INTAKE", basis: "live", level: "PROVINCE", asOf: UNTIL });
  const hanoi = before.items.find((i) => i.code === "01");
  const commune = await prisma.unit.findFirstOrThrow({ where: { code: "00001" } });
  const current = await prisma.figure.findFirstOrThrow({
    where: { unitId: commune.id, asOf: UNTIL, indicator: { code: "CCCD_INTAKE" } },
  });
  const rows = (async function* (): AsyncGenerator<TableRow> {
    yield {
      line: 2,
      values: {
        unit_code: "00001",
        indicator: "CCCD_INTAKE",
        as_of: isoDate(UNTIL),
        value: String(current.value + 1000),
      },
    };
  })();
  const saveMs = await timed(() => importFigures(prisma, rows, { actor: "bench", source: "bench", today: UNTIL }));
  const after = await getRanking(prisma, { indicator: "CCCD_INTAKE", basis: "live", level: "PROVINCE", asOf: UNTIL });
  const delta = (after.items.find((i) => i.code === "01")?.value ?? 0) - (hanoi?.value ?? 0);
  return [
    `Lưu 1 số liệu (kèm nhật ký và cập nhật bảng tổng hợp) ${saveMs.toFixed(0)} ms; xếp hạng ngay sau đó thấy Hà Nội +${delta} ${delta === 1000 ? "✓" : "✗ (cần +1000)"}`,
  ];
}

/** Requests per second of the rankings API beside a trivial JSON route of the same server. */
async function httpRate(server: EmbeddedDatabase, scale: Scale): Promise<string[]> {
  const port = await freePort();
  // The product as npm start runs it (its page cache included), on the benchmark's database.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "scripts/start.ts"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: server.runtimeUrl,
      DATABASE_MIGRATION_URL: server.ownerUrl,
      PORT: String(port),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // The abuse section speaks for many clients through loopback, as a proxy in front would.
      TRUST_PROXY: "loopback",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 2400; i++) {
      if (
        await fetch(`${base}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const firstLoad = await firstLoadJavaScript(`${base}/`);
    const rankings = `${base}/api/v1/rankings?indicator=CCCD_INTAKE&level=province&asOf=${isoDate(UNTIL)}`;
    const load = (url: string) => loadTest(url, scale.seconds);
    const health = await load(`${base}/api/v1/health`);
    const ranking = await load(rankings);
    const leaderboard = await load(`${base}/?date=${isoDate(UNTIL)}&structure=63`);
    const ratio = ranking.requests.average / health.requests.average;
    const saves = await benchConcurrentSaves(db(), base, UNTIL, scale.seconds);
    const abuse = await benchAbuse(db(), base, child.pid as number, UNTIL, scale.abuse);
    await disconnectDb();
    const line = loadLine;
    return [
      "HTTP, 50 kết nối đồng thời:",
      line("  GET /api/v1/health (JSON tối giản)", health),
      line("  GET /api/v1/rankings (63 tỉnh)", ranking),
      `${line("  GET / (bảng xếp hạng công khai, HTML)", leaderboard)}   (mục tiêu p95 ≤ 100 ms)`,
      `  tỷ lệ xếp hạng / tối giản: ${ratio.toFixed(2)} (mục tiêu ≥ 0,5)`,
      `JavaScript tải lần đầu của trang / : ${(firstLoad / 1024).toFixed(1)} KiB gzip (mục tiêu ≤ 250 KiB)`,
      ...saves,
      ...abuse,
    ];
  } finally {
    if (process.env.BENCH_DEBUG) console.error(stderr);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

/** Gzip size of the scripts a first visit to a page loads (those its HTML references). */
async function firstLoadJavaScript(pageUrl: string): Promise<number> {
  const html = await (await fetch(pageUrl)).text();
  const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string));
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total;
}
