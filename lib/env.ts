import "server-only";
import { z } from "zod";
import { type DueSettings, dueSettingsProblem } from "@/lib/calendar/due-times";

/** "D HH:MM": days after the week's Sunday (0–13) and a time of day. */
const ZDue = z
  .string()
  .trim()
  .regex(
    /^(\d|1[0-3]) ([01]\d|2[0-3]):[0-5]\d$/,
    'hạn báo cáo có dạng "số-ngày-sau-Chủ-nhật GIỜ:PHÚT", vd. "1 17:00" (thứ Hai 17:00)',
  );

// Every environment variable the product reads is declared and validated here, once. The
// scripts load the project's .env files into process.env before this is read
// (scripts/load-env.ts, as Next.js does; the environment wins over the files).
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** An external PostgreSQL. When absent, the product runs its own embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://")
    .optional(),
  /**
   * The role migrations run as (the owner of the schema), when DATABASE_URL is the product's
   * own less privileged role. Unset: migrations use DATABASE_URL.
   */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_MIGRATION_URL phải bắt đầu bằng postgres:// hoặc postgresql://")
    .optional(),
  /**
   * Streaming replicas for public reads (leaderboard, unit pages, public API, exports), as
   * URLs separated by commas, for the same role as DATABASE_URL. Staff pages and writes
   * always use DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((url) => url.trim())
            .filter(Boolean)
        : undefined,
    )
    .refine((urls) => (urls ?? []).every((url) => /^postgres(ql)?:\/\//.test(url)), {
      message: "DATABASE_REPLICA_URL là các URL postgres:// hoặc postgresql://, cách nhau bởi dấu phẩy",
    }),
  /** A replica behind the primary for longer than this is skipped until it catches up. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /** Let the running product connect as a PostgreSQL superuser (refused otherwise: it could switch off the audit trail). */
  ALLOW_SUPERUSER_RUNTIME: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Where the embedded PostgreSQL keeps its data (relative to the project). */
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54320),
  /** Write demo data into an empty database at start; unset means "only the embedded one". */
  DEMO_SEED: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  /**
   * Reconciliation with the system of record: an entered figure agrees with the reference count
   * when it is within this many units of it, or within this percent of it (either suffices).
   * A run may ask for others.
   */
  RECONCILE_TOLERANCE_ABSOLUTE: z.coerce.number().int().min(0).max(1_000_000).default(10),
  RECONCILE_TOLERANCE_PERCENT: z.coerce.number().min(0).max(100).default(1),
  /** Weeks of demo figures written on first start. */
  DEMO_WEEKS: z.coerce.number().int().min(1).max(520).default(78),
  /** Where the demo finds the GSO unit lists and the 2025 crosswalk; without them, provinces only. */
  DEMO_UNITS_DIR: z.string().default("../shared/data"),
  /** Password of the demo accounts; a random one is generated (and printed at start) when unset. */
  DEMO_PASSWORD: z
    .string()
    .refine((v) => v.trim().length >= 10, "DEMO_PASSWORD cần ít nhất 10 ký tự, không tính khoảng trắng ở đầu và cuối")
    .optional(),
  /**
   * Signs session cookies; every instance of one deployment needs the same. Required with
   * DATABASE_URL; for the embedded demo, generated once and kept in .data/auth-secret.
   */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET cần ít nhất 32 ký tự").optional(),
  /**
   * When each level's weekly report is due, as "days after the week's Sunday HH:MM" in Vietnam's
   * time: "1 17:00" is Monday 17:00. A unit submits by its level's time; the level above
   * approves its children's reports by its own time (the ministry approves the provinces').
   */
  REPORT_DUE_COMMUNE: ZDue.default("1 17:00"),
  REPORT_DUE_DISTRICT: ZDue.default("2 17:00"),
  REPORT_DUE_PROVINCE: ZDue.default("3 17:00"),
  REPORT_DUE_MINISTRY: ZDue.default("4 17:00"),
  /** Where reminder e-mails go out: smtp://user:password@host:587 or smtps://…:465. Unset: no e-mail, notices only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL phải có dạng smtp://máy:cổng hoặc smtps://người-dùng:mật-khẩu@máy:cổng")
    .optional(),
  /**
   * Refuse an smtp:// server that does not upgrade with STARTTLS instead of sending in plain
   * text (smtps:// is TLS from the start either way).
   */
  SMTP_REQUIRE_TLS: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** The sender of reminder e-mails. */
  MAIL_FROM: z.string().min(3).default("Đề án 06 <khong-tra-loi@localhost>"),
  /** The product's address as users reach it, for links in e-mails (https://de-an-06.example.vn). */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, "PUBLIC_URL phải bắt đầu bằng http:// hoặc https://")
    .optional(),
  /** pino's level for the JSON logs: "info" logs every request (the default with DATABASE_URL), "warn" only problems. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /**
   * Seconds between SIGTERM and closing the listener: /api/v1/ready answers 503 meanwhile, so
   * the load balancer stops sending before the port closes. Default 5 with DATABASE_URL, else 0.
   */
  DRAIN_SECONDS: z.coerce.number().min(0).max(300).optional(),
  /**
   * Roles that must sign in with a second factor (TOTP) besides the ministry and province
   * admins, who always must: role names separated by commas, e.g. "PROVINCE_OFFICER,DISTRICT_OFFICER".
   */
  TOTP_REQUIRED_ROLES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((role) => role.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(
          [
            "COMMUNE_OFFICER",
            "DISTRICT_OFFICER",
            "PROVINCE_OFFICER",
            "PROVINCE_ADMIN",
            "MINISTRY_ADMIN",
            "LEADERSHIP_VIEWER",
          ],
          {
            message: "TOTP_REQUIRED_ROLES là các vai trò cách nhau bởi dấu phẩy, vd. PROVINCE_OFFICER,DISTRICT_OFFICER",
          },
        ),
      ),
    ),
  /** Public pages one client address may have rendered anew per minute (remembered pages are free). */
  PAGE_RENDERS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For/-Host/-Proto): "false"
   * (none), a hop count ("1"), or their addresses and ranges ("10.0.0.5, 10.1.0.0/16").
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .refine((v) => v.trim().toLowerCase() !== "true", {
      message: "TRUST_PROXY=true không còn được nhận: ghi số proxy đứng trước (vd. 1) hoặc địa chỉ của chúng",
    })
    .refine((v) => /^(false|0|\d+|[\w.:/\s,]+)$/i.test(v.trim()), {
      message: "TRUST_PROXY là false, một số (số proxy đứng trước) hoặc danh sách địa chỉ/dải cách nhau bởi dấu phẩy",
    }),
});

export type TEnv = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // An empty variable (DATABASE_URL= in a shell or .env file) means "not set".
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZEnv.safeParse(set);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Biến môi trường không hợp lệ:\n${problems.join("\n")}`);
  }
  const problem = dueSettingsProblem(reportDueOf(result.data));
  if (problem) throw new Error(`Biến môi trường không hợp lệ:\n  ${problem}`);
  return result.data;
}

function reportDueOf(e: TEnv): DueSettings {
  return {
    COMMUNE: e.REPORT_DUE_COMMUNE,
    DISTRICT: e.REPORT_DUE_DISTRICT,
    PROVINCE: e.REPORT_DUE_PROVINCE,
    MINISTRY: e.REPORT_DUE_MINISTRY,
  };
}

/** Each level's weekly report due time (REPORT_DUE_*). */
export function reportDueSettings(): DueSettings {
  return reportDueOf(env());
}

/** Read on every call: the start script sets DATABASE_URL after the embedded server is up. */
export function env(): TEnv {
  return parseEnv(process.env);
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL chưa được đặt. Chạy sản phẩm bằng `npm start` (tự khởi động PostgreSQL nhúng) hoặc đặt DATABASE_URL.",
    );
  }
  return url;
}
