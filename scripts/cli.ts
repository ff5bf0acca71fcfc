// npm run cli -- <command>: administration from the command line, on DATABASE_URL or the
// embedded database. Run without arguments for the list of commands.
// Migrations: the embedded database is brought up to date first, as `npm start` does; a
// DATABASE_URL is only migrated when asked (--migrate), otherwise a database behind this
// checkout's migrations is refused with exit code 3 and left as it is.
// Exit codes: 0 done, 1 failed, 2 wrong usage, 3 the database needs `npm run db:migrate`.
import "./load-env"; // first: .env files before anything reads the environment
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runBackup, runRestore, runVerify } from "@/lib/cli/backup-command";
import { runBoundaries } from "@/lib/cli/boundaries-command";
import { runDemo } from "@/lib/cli/demo-command";
import { runImport } from "@/lib/cli/import-command";
import { runIndicator } from "@/lib/cli/indicator-command";
import { runPublish } from "@/lib/cli/publish-command";
import { runRank } from "@/lib/cli/rank-command";
import { runReconcile } from "@/lib/cli/reconcile-command";
import { runReminders } from "@/lib/cli/reminders-command";
import { runReport } from "@/lib/cli/report-command";
import { runUser } from "@/lib/cli/user-command";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/ops/migrate";
import { pendingMigrations } from "@/lib/ops/pending-migrations";
import { openDatabaseServer } from "@/lib/postgres/database-server";

const USAGE = `Cách dùng: npm run cli -- <lệnh>

  import units <tệp.json> --valid-from YYYY-MM-DD     danh sách đơn vị hành chính (định dạng GSO)
  import crosswalk <tệp.json> [--old-on D] [--new-on D] bảng chuyển đổi đơn vị cũ → mới (2025)
  import targets <tệp.csv|.xlsx> [--dry-run]           unit_code,indicator,target,deadline,directive,assigned_on
  import figures <tệp.csv|.xlsx> [--dry-run]           unit_code,indicator,as_of,value
  import boundaries <tệp.topo.json>                    ranh giới tỉnh (TopoJSON, properties.code = mã tỉnh)
  boundaries remove 34|63                              xoá ranh giới, trở lại bản đồ ô vuông
  rank --indicator MÃ --level province|district|commune [--parent MÃ] --as-of YYYY-MM-DD
       [--structure-on YYYY-MM-DD] [--basis official|live] [--json]
                                                       bảng xếp hạng (official: số liệu đã phê duyệt, mặc định)
       --period month:2023-05|quarter:2023-Q2|half:2023-H1|nine-months:2023|year:2023|week:2023-05-14
                                                       thay cho --as-of: kỳ báo cáo theo NĐ 09/2019 (chốt ngày 14),
                                                       với mức tăng trong kỳ và hạng kỳ trước
  reconcile <tệp.csv|.xlsx> [--tolerance-percent P] [--json]
                                                       đối chiếu với trích xuất CSDL quốc gia về dân cư:
                                                       unit_code,indicator,as_of,value,source; in các chênh lệch
                                                       (unit, indicator, asOf, entered, reference, difference)
  indicator create --code MÃ --kind COUNT|STOCK|RATIO|CHECKLIST|DERIVED|COMPOSITE --name "Tên"
       [--name-en "Name"] [--numerator MÃ --denominator MÃ]   DERIVED: chỉ tiêu này / chỉ tiêu kia
       [--component MÃ:điểm --component MÃ:điểm …] [--bands 80,90]  COMPOSITE: thành phần, ngưỡng xếp loại (%)
  indicator list                                       các chỉ tiêu và loại
  demo [--weeks N] [--seed S]                          dữ liệu mẫu cho mọi đơn vị đã nạp
  user create --username U --name "Họ tên" --role VAI_TRÒ [--unit MÃ] [--email E] [--password-stdin]
       VAI_TRÒ: MINISTRY_ADMIN, PROVINCE_ADMIN, PROVINCE_OFFICER, DISTRICT_OFFICER,
       COMMUNE_OFFICER, LEADERSHIP_VIEWER (không có --unit: toàn quốc). Không có
       --password-stdin thì tạo mật khẩu ngẫu nhiên và in ra một lần.
  publish [--week YYYY-MM-DD]                          công bố bảng xếp hạng chính thức của tuần thành bản mới
                                                       (mặc định: tuần gần nhất đã qua hạn phê duyệt của Bộ); chỉ tạo
                                                       bản mới khi có thay đổi, nên chạy được bằng cron mỗi giờ
  reminders send [--dry-run] [--at YYYY-MM-DDTHH:MM]   e-mail nhắc đơn vị trễ hạn và tổng hợp tuần cho cấp
       trên (cần SMTP_URL; chạy bằng cron, mỗi giờ; thư đã gửi không gửi lại)
  report weekly [--unit MÃ] (--week YYYY-MM-DD | --period KỲ) --out TỆP.docx
                                                       báo cáo tuần (hoặc kỳ) dạng Word theo NĐ 30/2020
                                                       (không có --unit: toàn quốc)
  user disable U | user enable U                       khoá / mở khoá tài khoản (kết thúc mọi phiên)
  backup THƯ_MỤC [--verify]                            sao lưu PostgreSQL nhúng khi sản phẩm đang chạy
  verify-backup THƯ_MỤC                                khôi phục thử vào máy chủ tạm và kiểm tra
  restore THƯ_MỤC                                      khôi phục (sản phẩm phải dừng; bản hiện tại được giữ lại)

Tuỳ chọn chung:
  --migrate     áp dụng migration còn thiếu vào DATABASE_URL trước khi chạy lệnh (CSDL nhúng luôn được cập nhật)
  --version     in phiên bản
  --help, -h    in hướng dẫn này

Mã thoát: 0 xong, 1 lỗi, 2 sai cú pháp lệnh, 3 cơ sở dữ liệu còn thiếu migration (chạy npm run db:migrate).`;

const COMMANDS = [
  "import",
  "boundaries",
  "rank",
  "indicator",
  "demo",
  "user",
  "reminders",
  "backup",
  "report",
  "reconcile",
  "publish",
];
const EXIT_NEEDS_MIGRATION = 3;

const OPTIONS = {
  "valid-from": { type: "string" },
  "old-on": { type: "string" },
  "new-on": { type: "string" },
  "dry-run": { type: "boolean" },
  indicator: { type: "string" },
  level: { type: "string" },
  parent: { type: "string" },
  "as-of": { type: "string" },
  "structure-on": { type: "string" },
  basis: { type: "string" },
  period: { type: "string" },
  json: { type: "boolean" },
  weeks: { type: "string" },
  seed: { type: "string" },
  username: { type: "string" },
  name: { type: "string" },
  role: { type: "string" },
  unit: { type: "string" },
  "password-stdin": { type: "boolean" },
  verify: { type: "boolean" },
  email: { type: "string" },
  at: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  migrate: { type: "boolean" },
  code: { type: "string" },
  kind: { type: "string" },
  "name-en": { type: "string" },
  numerator: { type: "string" },
  denominator: { type: "string" },
  component: { type: "string", multiple: true },
  bands: { type: "string" },
  week: { type: "string" },
  out: { type: "string" },
  "tolerance-percent": { type: "string" },
} as const;

/** The arguments, or the usage and exit code 2 when an option is unknown or lacks its value. */
function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}
const { positionals, values } = readArgs();

const [command, ...rest] = positionals;
if (values.version) {
  const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "../package.json"), "utf8")) as {
    version: string;
  };
  console.log(pkg.version);
  process.exit(0);
}
if (!command || values.help) {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}

// These never open the database the usual way: restore needs the server stopped, verify-backup
// starts its own throw-away one.
if (command === "restore" || command === "verify-backup") {
  const run = command === "restore" ? runRestore : runVerify;
  process.exit(
    await run(rest).catch((error: unknown) => {
      console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }),
  );
}

if (!COMMANDS.includes(command)) {
  console.error(`Không có lệnh "${command}".\n\n${USAGE}`);
  process.exit(2);
}

const server = await openDatabaseServer();
let exitCode = 0;
try {
  // A backup copies the database as it is, whatever its schema version.
  if (command !== "backup" && !(await schemaIsCurrent())) exitCode = EXIT_NEEDS_MIGRATION;
  else if (command === "backup") exitCode = await runBackup(rest, values, server.embedded);
  else if (command === "import") exitCode = await runImport(rest, values);
  else if (command === "rank") exitCode = await runRank(values);
  else if (command === "indicator") exitCode = await runIndicator(rest, values);
  else if (command === "demo") exitCode = await runDemo(values);
  else if (command === "user") exitCode = await runUser(rest, values);
  else if (command === "boundaries") exitCode = await runBoundaries(rest);
  else if (command === "reminders") exitCode = await runReminders(rest, values);
  else if (command === "report") exitCode = await runReport(rest, values);
  else if (command === "reconcile") exitCode = await runReconcile(rest, values);
  else if (command === "publish") exitCode = await runPublish(values);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await disconnectDb();
  await server.stop();
}
process.exit(exitCode);

/**
 * Whether the database has every migration of this checkout. The embedded one (or any, with
 * --migrate) is migrated here; a DATABASE_URL is only read, and one behind is refused.
 */
async function schemaIsCurrent(): Promise<boolean> {
  if (server.embedded || values.migrate) {
    const applied = await migrate(server);
    if (applied.length) console.error(`▸ Đã áp dụng migration: ${applied.join(", ")}`);
    return true;
  }
  const pending = await pendingMigrations(server.url);
  if (!pending.length) return true;
  console.error(
    `✗ Cơ sở dữ liệu tại DATABASE_URL còn thiếu ${pending.length} migration (${pending.join(", ")}). ` +
      "Lệnh này cần lược đồ mới nhất và không tự thay đổi cơ sở dữ liệu ngoài: chạy `npm run db:migrate` " +
      "(hoặc thêm --migrate vào lệnh) rồi chạy lại.",
  );
  return false;
}
