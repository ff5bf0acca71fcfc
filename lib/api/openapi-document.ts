import "server-only";
import { z } from "zod";
import { FORMAT_QUERY, PAGE_QUERY, type QuerySchema } from "@/lib/params/query-params";
import { EDITION_CSV_QUERY, EDITION_RANKING_QUERY } from "@/lib/publication/edition-query";
import { API_RANKING_QUERY, RANKING_CSV_QUERY, WEEKLY_EXPORT_QUERY } from "@/lib/rankings/parse-ranking-query";
import { SERIES_QUERY } from "@/lib/series/get-unit-series";
import { UNITS_QUERY } from "@/lib/units/list-units";
import {
  EDITION,
  EDITION_LIST,
  EDITION_RANKING_PAGE,
  ERROR_ANSWER,
  HEALTH,
  RANKING_PAGE,
  READINESS,
  UNIT_LIST,
  UNIT_SERIES,
} from "./answer-schemas";

// The public API's description (OpenAPI 3.1), built from the very zod schemas that parse its
// queries and shape its answers: GET /api/v1/openapi.json serves it. zod's own JSON Schema
// output (draft 2020-12) is the dialect OpenAPI 3.1 uses, so no other generator is needed.

type JsonSchema = Record<string, unknown>;

/** A zod schema as a JSON Schema of the document (without its own $schema line). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });
  return rest;
}

/** The query parameters a schema reads, each with its JSON Schema (of its text) and description. */
function queryParameters(...queries: QuerySchema[]): JsonSchema[] {
  return queries.flatMap((query) => {
    const object = jsonSchema(query, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(object.properties).map(([name, { description, ...schema }]) => ({
      name,
      in: "query",
      required: object.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema,
    }));
  });
}

/** The answers' schemas, by the name the paths refer to them with. */
const ANSWERS = {
  Error: ERROR_ANSWER,
  RankingPage: RANKING_PAGE,
  EditionList: EDITION_LIST,
  Edition: EDITION,
  EditionRankingPage: EDITION_RANKING_PAGE,
  UnitList: UNIT_LIST,
  UnitSeries: UNIT_SERIES,
  Health: HEALTH,
  Readiness: READINESS,
} satisfies Record<string, z.ZodType>;

const ref = (name: keyof typeof ANSWERS) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof ANSWERS, description: string) => ({
  description,
  content: { "application/json": { schema: ref(name) } },
});
const jsonOrCsv = (name: keyof typeof ANSWERS, description: string) => ({
  description,
  content: {
    "application/json": { schema: ref(name) },
    "text/csv": { schema: { type: "string", description: "format=csv: UTF-8 có BOM, mỗi mục một dòng." } },
  },
});
const error = (description: string) => json("Error", description);

/** The errors every public route may answer with, whatever it computes. */
const COMMON_ERRORS = {
  "400": error(
    "Một tham số sai (code invalid_param, param tên nó) hoặc một địa chỉ hỏng (repeated_param, bad_encoding, nul_character).",
  ),
  "414": error("Địa chỉ quá dài (url_too_long)."),
  "500": error("Lỗi máy chủ (internal)."),
};
const COSTLY_ERRORS = {
  "422": error("Bảng xếp hạng cần tính quá lâu (too_costly): chọn parent, một cấp cao hơn hoặc bỏ structureOn."),
  "429": {
    ...error("Quá nhiều yêu cầu cùng lúc (too_busy); thử lại sau Retry-After giây."),
    headers: { "Retry-After": { description: "Số giây nên chờ.", schema: { type: "integer" } } },
  },
};

const EDITION_NUMBER = {
  name: "number",
  in: "path",
  required: true,
  description: "Số bản công bố (từ 1).",
  schema: { type: "string", pattern: "^\\d{1,9}$" },
};
const NO_EDITION = error("Không có bản công bố số này, hoặc bản đó không có bảng xếp hạng này (not_found).");

/** The published editions: immutable, so each answer of an edition never changes. */
const EDITION_PATHS = {
  "/api/v1/publications": {
    get: {
      operationId: "listPublications",
      summary: "Các bản công bố bảng xếp hạng chính thức, mới nhất trước, với số đính chính của mỗi bản",
      parameters: queryParameters(PAGE_QUERY, FORMAT_QUERY),
      responses: { "200": jsonOrCsv("EditionList", "Một trang các bản công bố."), ...COMMON_ERRORS },
    },
  },
  "/api/v1/publications/{number}": {
    get: {
      operationId: "getPublication",
      summary: "Một bản công bố và các đính chính của nó",
      parameters: [EDITION_NUMBER, ...queryParameters(FORMAT_QUERY)],
      responses: {
        "200": jsonOrCsv("Edition", "Bản công bố; CSV là các đính chính."),
        ...COMMON_ERRORS,
        "404": NO_EDITION,
      },
    },
  },
  "/api/v1/publications/{number}/ranking": {
    get: {
      operationId: "getPublicationRanking",
      summary: "Một bảng xếp hạng của bản công bố, đúng như đã công bố (đọc từ các dòng đã lưu), từng trang",
      parameters: [EDITION_NUMBER, ...queryParameters(EDITION_RANKING_QUERY, PAGE_QUERY, FORMAT_QUERY)],
      responses: {
        "200": jsonOrCsv("EditionRankingPage", "Một trang của bảng xếp hạng đã công bố."),
        ...COMMON_ERRORS,
        "404": NO_EDITION,
      },
    },
  },
  "/api/v1/publications/{number}/export": {
    get: {
      operationId: "getPublicationCsv",
      summary: "Bảng xếp hạng của bản công bố cho người đọc: CSV như tệp tải của bảng xếp hạng công khai",
      parameters: [EDITION_NUMBER, ...queryParameters(EDITION_CSV_QUERY)],
      responses: {
        "200": {
          description: "Tệp .csv (UTF-8 có BOM; vi: dấu chấm phẩy và dấu phẩy thập phân, en: dấu phẩy và dấu chấm).",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...COMMON_ERRORS,
        "404": NO_EDITION,
      },
    },
  },
};

export const OPENAPI_PATH = "/api/v1/openapi.json";

/** The OpenAPI 3.1 document of the public, read-only API. */
export function openApiDocument(): JsonSchema {
  return {
    openapi: "3.1.1",
    info: {
      title: "Đề án 06 – API công khai",
      version: "1",
      description:
        "Chỉ đọc, chỉ số liệu tổng hợp theo đơn vị. Ngày dạng YYYY-MM-DD; asOf mặc định là hôm nay ở Việt Nam. " +
        "Mọi câu trả lời lỗi có dạng {error: {code, param?, message}}: code ổn định cho máy đọc, message cho người đọc.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths: {
      "/api/v1/rankings": {
        get: {
          operationId: "getRanking",
          summary: "Xếp hạng các đơn vị theo một chỉ tiêu, từng trang",
          description:
            "Mặc định (basis=official) chỉ dùng số liệu của các tuần đã được cấp trên phê duyệt; mỗi mục có officialAsOf. " +
            "basis=live (mọi số liệu đã lưu, mỗi mục có approved) chỉ dành cho người đã đăng nhập: khách nhận 403.",
          parameters: queryParameters(API_RANKING_QUERY, PAGE_QUERY, FORMAT_QUERY),
          responses: {
            "200": jsonOrCsv("RankingPage", "Một trang của bảng xếp hạng."),
            ...COMMON_ERRORS,
            "403": error("basis=live khi chưa đăng nhập (forbidden): khách chỉ xem được số liệu đã phê duyệt."),
            ...COSTLY_ERRORS,
          },
        },
      },
      "/api/v1/units": {
        get: {
          operationId: "listUnits",
          summary: "Các đơn vị hành chính có hiệu lực vào một ngày",
          parameters: queryParameters(UNITS_QUERY, FORMAT_QUERY),
          responses: { "200": jsonOrCsv("UnitList", "Các đơn vị, theo mã."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/units/{code}/series": {
        get: {
          operationId: "getUnitSeries",
          summary: "Các điểm theo thời gian của một đơn vị cho một chỉ tiêu, và chỉ tiêu được giao",
          parameters: [
            {
              name: "code",
              in: "path",
              required: true,
              description: "Mã đơn vị (2, 3 hoặc 5 chữ số).",
              schema: { type: "string" },
            },
            ...queryParameters(SERIES_QUERY, FORMAT_QUERY),
          ],
          responses: {
            "200": jsonOrCsv("UnitSeries", "Chuỗi số liệu; CSV là các điểm."),
            ...COMMON_ERRORS,
            "404": error("Không có đơn vị mã này vào ngày asOf (not_found)."),
          },
        },
      },
      "/api/v1/exports/ranking": {
        get: {
          operationId: "getRankingCsv",
          summary:
            "Bảng xếp hạng cho người đọc: CSV tiêu đề tiếng Việt, số làm tròn như trên trang, một thứ tự cột cho mọi loại chỉ tiêu",
          parameters: queryParameters(RANKING_CSV_QUERY),
          responses: {
            "200": {
              description:
                "Tệp .csv (UTF-8 có BOM; vi: dấu chấm phẩy và dấu phẩy thập phân, en: dấu phẩy và dấu chấm).",
              content: { "text/csv": { schema: { type: "string" } } },
            },
            ...COMMON_ERRORS,
            "404": error("Không có chỉ tiêu hoặc đơn vị cha này (not_found)."),
            ...COSTLY_ERRORS,
          },
        },
      },
      "/api/v1/exports/weekly": {
        get: {
          operationId: "getWeeklyWorkbook",
          summary: "Báo cáo tuần (hoặc của một kỳ) dạng Excel: mỗi chỉ tiêu một trang",
          parameters: queryParameters(WEEKLY_EXPORT_QUERY),
          responses: {
            "200": {
              description: "Tệp .xlsx.",
              content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                  schema: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
            ...COMMON_ERRORS,
            "404": error("Không có đơn vị này, hoặc nó không có đơn vị trực thuộc vào ngày đó (not_found)."),
            ...COSTLY_ERRORS,
          },
        },
      },
      ...EDITION_PATHS,
      "/api/v1/health": {
        get: {
          operationId: "getHealth",
          summary: "Máy chủ còn sống",
          responses: { "200": json("Health", "Luôn {ok: true}.") },
        },
      },
      "/api/v1/ready": {
        get: {
          operationId: "getReadiness",
          summary: "Máy chủ sẵn sàng nhận yêu cầu (cho bộ cân bằng tải)",
          responses: {
            "200": json("Readiness", "Sẵn sàng."),
            "503": json("Readiness", "Chưa sẵn sàng; reason nói vì sao."),
          },
        },
      },
      [OPENAPI_PATH]: {
        get: {
          operationId: "getOpenApiDocument",
          summary: "Tài liệu này (OpenAPI 3.1)",
          responses: {
            "200": {
              description: "Tài liệu OpenAPI.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(
        Object.entries(ANSWERS).map(([name, schema]) => [name, jsonSchema(schema, "output")]),
      ),
    },
  };
}
