import "server-only";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { TRAJECTORIES } from "@/lib/rankings/trajectory";

// The JSON the public API answers with, as zod schemas: turned into JSON Schema they are the
// answers of the API's description (openapi-document.ts), and the tests check every real
// answer against them. Field names are a public contract (lib/rankings/ranking-types.ts).

const day = z.string().meta({ format: "date", description: "YYYY-MM-DD" });
const level = z.enum(["province", "district", "commune"]);

export const ERROR_ANSWER = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).meta({
      description: `Ổn định, cho máy đọc: ${Object.entries(ERROR_CODES)
        .map(([code, meaning]) => `${code} (${meaning})`)
        .join("; ")}`,
    }),
    param: z.string().optional().meta({ description: "Tham số sai (với invalid_param)." }),
    message: z.string().meta({ description: "Cho người đọc, tiếng Việt; có thể đổi." }),
  }),
});

const SCORE_COMPONENT = z.object({
  indicator: z.string(),
  weight: z.number(),
  points: z.number(),
  percent: z.number().nullable(),
});

export const RANKING_ITEM = z.object({
  rank: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  percent: z.number().nullable(),
  reachedOn: day.nullable(),
  deadline: day.nullable(),
  daysAhead: z.number().int().nullable(),
  forecastOn: day.nullable(),
  weeklyChange: z.number().nullable(),
  neededPerWeek: z.number().nullable().meta({
    description:
      "Mức tăng mỗi tuần còn cần để đạt chỉ tiêu đúng hạn (số đếm: làm tròn lên; tỷ lệ: điểm %); null khi đã đạt hoặc không có chỉ tiêu/hạn.",
  }),
  trajectory: z.enum(TRAJECTORIES).nullable().meta({
    description:
      "done: đã đạt; on-track: theo tốc độ gần đây đạt trước hạn; at-risk: trễ không quá 4 tuần; off-track: trễ hơn, không tăng hoặc đã quá hạn.",
  }),
  childrenDone: z.number().int().nullable(),
  childrenTotal: z.number().int().nullable(),
  approximate: z.boolean(),
  discrepancy: z.object({ reported: z.number(), childrenSum: z.number() }).nullable(),
  change: z.number().nullable().optional().meta({ description: "Với period: mức tăng trong kỳ." }),
  previousRank: z.number().int().nullable().optional(),
  rankChange: z.number().int().nullable().optional(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  ratio: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
  maxScore: z.number().optional(),
  band: z.string().nullable().optional(),
  gapToAbove: z.number().nullable().optional(),
  published: z.boolean().optional(),
  components: z.array(SCORE_COMPONENT).optional(),
  periodsAtTop: z.number().int().nullable().optional(),
  officialAsOf: day.nullable().optional().meta({
    description: "basis=official: ngày của số liệu đã phê duyệt mới nhất được dùng cho đơn vị; null khi chưa có.",
  }),
  approved: z.boolean().optional().meta({
    description: "basis=live: báo cáo tuần của số liệu mới nhất của đơn vị đã được phê duyệt chưa.",
  }),
});

export const RANKING_PAGE = z.object({
  indicator: z.string(),
  basis: z.enum(["official", "live"]).meta({
    description: "official: chỉ số liệu các tuần đã phê duyệt; live: mọi số liệu đã lưu (chỉ người đã đăng nhập).",
  }),
  level,
  parent: z.string().nullable(),
  asOf: day,
  structureOn: day.nullable(),
  indicatorRetiredOn: day.optional(),
  period: z.string().optional(),
  periodStart: day.optional(),
  periodEnd: day.optional(),
  childrenThreshold: z.number().optional(),
  componentNames: z
    .array(z.object({ indicator: z.string(), nameVi: z.string(), nameEn: z.string() }))
    .optional()
    .meta({ description: "Bộ chỉ số: tên các thành phần (theo thứ tự trong components của mỗi mục)." }),
  bands: z.array(z.number()).optional().meta({ description: "Bộ chỉ số: các mốc xếp loại, % tổng điểm." }),
  items: z.array(RANKING_ITEM),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

export const UNIT_LIST = z.object({
  level,
  parent: z.string().nullable(),
  asOf: day,
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string(),
      parentCode: z.string().nullable(),
      validFrom: day,
      validTo: day.nullable(),
    }),
  ),
});

export const UNIT_SERIES = z.object({
  code: z.string(),
  name: z.string(),
  indicator: z.string(),
  validFrom: day,
  validTo: day.nullable(),
  points: z.array(
    z.object({
      asOf: day,
      value: z.number(),
      reported: z.number().nullable(),
      childrenSum: z.number().nullable(),
    }),
  ),
  targets: z.array(z.object({ value: z.number().int(), deadline: day, directive: z.string(), assignedOn: day })),
});

export const HEALTH = z.object({ ok: z.literal(true) });

export const READINESS = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ ready: z.literal(false), reason: z.string() }),
]);
