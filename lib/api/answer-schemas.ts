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

const EDITION_SUMMARY = z.object({
  number: z.number().int().meta({ description: "Số bản công bố: 1, 2, 3… nối tiếp qua các tuần." }),
  week: day.meta({ format: "date", description: "Tuần báo cáo (Chủ nhật) mà bảng xếp hạng tính đến." }),
  publishedAt: z.string().meta({ format: "date-time", description: "Thời điểm công bố (ISO 8601, UTC)." }),
  corrections: z
    .number()
    .int()
    .meta({ description: "Số đính chính bản này mang theo (xem /api/v1/publications/{number})." }),
});

export const EDITION_LIST = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(EDITION_SUMMARY).meta({ description: "Mới nhất trước." }),
});

export const EDITION = EDITION_SUMMARY.extend({
  notices: z
    .array(
      z.object({
        week: day.meta({ format: "date", description: "Ngày của số liệu được sửa (thuộc một tuần đã công bố)." }),
        unitCode: z.string(),
        unitName: z.string(),
        indicator: z.string(),
        oldValue: z.number().nullable(),
        newValue: z.number().nullable(),
        changedBy: z.string().meta({ description: "Người sửa." }),
        changedAt: z.string().meta({ format: "date-time" }),
        reason: z.string().nullable().meta({ description: "Lý do ghi khi mở khoá tuần đó." }),
      }),
    )
    .meta({ description: "Các đính chính: số liệu của tuần đã công bố bị sửa sau khi mở khoá." }),
});

export const EDITION_RANKING_PAGE = RANKING_PAGE.extend({
  edition: z.number().int().meta({ description: "Số bản công bố." }),
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
