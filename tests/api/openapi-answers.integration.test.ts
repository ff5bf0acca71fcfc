import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as rankingCsvRoute } from "@/app/api/v1/exports/ranking/route";
import { GET as weeklyRoute } from "@/app/api/v1/exports/weekly/route";
import { GET as healthRoute } from "@/app/api/v1/health/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as readyRoute } from "@/app/api/v1/ready/route";
import { GET as seriesRoute } from "@/app/api/v1/units/[code]/series/route";
import { GET as unitsRoute } from "@/app/api/v1/units/route";
import { handleApiError } from "@/lib/api/respond";
import { NotFoundError, TooBusyError, TooCostlyError } from "@/lib/errors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { approveAllWeeks, loadSmallFigures, loadSmallStructure } from "../setup/fixtures";
import { answerChecker, type Document, servedDocument } from "./openapi-schema";

// Every public route, called as Next calls it, with right and wrong queries: each real
// answer's status, media type and JSON body must be what the OpenAPI document says.

const prisma = connectTestDatabase();
let check: ReturnType<typeof answerChecker>;
let document: Document;

beforeAll(async () => {
  await resetDatabase();
  await loadSmallStructure(prisma, true);
  await loadSmallFigures(prisma);
  await approveAllWeeks(prisma);
  document = await servedDocument();
  check = answerChecker(document);
});

const request = (path: string) => new Request(`http://localhost${path}`);
type Case = [query: string, status: number, code?: string];

/** Calls a route with each query and checks the answers against the document. */
async function expectDocumented(path: string, call: (query: string) => Promise<Response>, cases: Case[]) {
  for (const [query, status, code] of cases) {
    const response = await call(query);
    expect(response.status, `${path}?${query}`).toBe(status);
    if (code) expect((await response.clone().json()).error.code, `${path}?${query}`).toBe(code);
    expect(await check.problems(path, response), `${path}?${query}`).toEqual([]);
  }
}

describe("every public route answers as its OpenAPI document says", () => {
  it("GET /api/v1/rankings", async () => {
    await expectDocumented("/api/v1/rankings", (query) => rankingsRoute(request(`/api/v1/rankings?${query}`)), [
      ["indicator=CCCD_INTAKE&level=province&asOf=2023-04-30", 200],
      ["indicator=CCCD_INTAKE&asOf=2023-04-30&format=csv", 200],
      ["indicator=CCCD_INTAKE&period=month:2023-04", 200],
      ["indicator=cccd_intake&level=DISTRICT&parent=01&asOf=2023-04-30&limit=1&offset=1", 200],
      ["indicator=CCCD_INTAKE&asOf=2023-04-30&structureOn=2026-01-01", 200],
      ["level=province", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&level=village", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&asOf=2023-13-01", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&limit=0", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&offset=-1", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&asOf=2023-04-30&format=xml", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&period=month:2023-04&asOf=2023-04-30", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&period=year:2198", 400, "invalid_param"],
      ["indicator=NO_SUCH&asOf=2023-04-30", 400, "invalid_param"],
      ["indicator=CCCD_INTAKE&level=district&parent=99&asOf=2023-04-30", 400, "invalid_param"],
    ]);
  });

  it("GET /api/v1/units", async () => {
    await expectDocumented("/api/v1/units", (query) => unitsRoute(request(`/api/v1/units?${query}`)), [
      ["", 200],
      ["level=commune&parent=01&asOf=2023-04-30", 200],
      ["level=district&asOf=2023-04-30&format=csv", 200],
      ["level=x", 400, "invalid_param"],
      ["parent=99&asOf=2023-04-30", 400, "invalid_param"],
      ["asOf=30/04/2023", 400, "invalid_param"],
      ["format=pdf", 400, "invalid_param"],
    ]);
  });

  it("GET /api/v1/units/{code}/series", async () => {
    const series = (query: string) => {
      const [code, rest] = query.split("?") as [string, string];
      return seriesRoute(request(`/api/v1/units/${code}/series?${rest}`), { params: Promise.resolve({ code }) });
    };
    await expectDocumented("/api/v1/units/{code}/series", series, [
      ["02?indicator=CCCD_INTAKE&asOf=2023-04-30", 200],
      ["001?indicator=cccd_intake&asOf=2023-04-30", 200],
      ["02?indicator=CCCD_INTAKE&asOf=2023-04-30&format=csv", 200],
      ["02?asOf=2023-04-30", 400, "invalid_param"],
      ["02?indicator=NO_SUCH", 400, "invalid_param"],
      ["abc?indicator=CCCD_INTAKE", 400, "invalid_param"],
      ["02?indicator=CCCD_INTAKE&asOf=2023-02-29", 400, "invalid_param"],
      ["02?indicator=CCCD_INTAKE&asOf=2026-01-01", 404, "not_found"],
    ]);
  });

  it("GET /api/v1/exports/weekly", async () => {
    const weekly = (query: string) => weeklyRoute(request(`/api/v1/exports/weekly?${query}`));
    await expectDocumented("/api/v1/exports/weekly", weekly, [
      ["asOf=2023-04-30", 200],
      ["unit=01&asOf=2023-04-30", 200],
      ["period=month:2023-04", 200],
      ["asOf=yesterday", 400, "invalid_param"],
      ["period=month:2023-04&asOf=2023-04-30", 400, "invalid_param"],
      ["period=week:2023-04-29", 400, "invalid_param"],
      ["unit=99&asOf=2023-04-30", 404, "not_found"],
    ]);
  });

  it("GET /api/v1/exports/ranking", async () => {
    const csv = (query: string) => rankingCsvRoute(request(`/api/v1/exports/ranking?${query}`));
    await expectDocumented("/api/v1/exports/ranking", csv, [
      ["indicator=CCCD_INTAKE&level=province&asOf=2023-04-30", 200],
      ["indicator=CCCD_INTAKE&period=month:2023-04&lang=en", 200],
      ["indicator=CCCD_INTAKE&lang=de", 400, "invalid_param"],
      ["indicator=NO_SUCH", 400, "invalid_param"],
    ]);
  });

  it("GET /api/v1/health, /api/v1/ready and /api/v1/openapi.json", async () => {
    await expectDocumented("/api/v1/health", () => Promise.resolve(healthRoute()), [["", 200]]);
    const ready = await readyRoute();
    expect([200, 503]).toContain(ready.status);
    expect(await check.problems("/api/v1/ready", ready)).toEqual([]);
    await expectDocumented("/api/v1/openapi.json", () => Promise.resolve(openApiRoute()), [["", 200]]);
  });

  it("the errors no small query provokes: too costly, too busy, a failure of the server", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answers: [Error, number, string][] = [
        [new TooCostlyError("Quá lâu."), 422, "too_costly"],
        [new TooBusyError("Bận.", 7), 429, "too_busy"],
        [new Error("a bug"), 500, "internal"],
      ];
      for (const path of ["/api/v1/rankings", "/api/v1/exports/weekly"]) {
        for (const [thrown, status, code] of answers) {
          const response = handleApiError(thrown);
          expect(response.status).toBe(status);
          expect((await response.clone().json()).error.code).toBe(code);
          expect(await check.problems(path, response)).toEqual([]);
        }
      }
      expect(handleApiError(new TooBusyError("Bận.", 7)).headers.get("retry-after")).toBe("7");
      const notFound = handleApiError(new NotFoundError("Không có."));
      expect(await notFound.json()).toEqual({ error: { code: "not_found", message: "Không có." } });
    } finally {
      error.mockRestore();
    }
  });

  it("would catch an answer the document does not describe", async () => {
    const extra = Response.json({ ok: true, extra: 1 });
    expect(await check.problems("/api/v1/health", extra)).not.toEqual([]);
    const wrongCode = Response.json({ error: { code: "oops", message: "x" } }, { status: 400 });
    expect(await check.problems("/api/v1/units", wrongCode)).not.toEqual([]);
    expect(await check.problems("/api/v1/health", Response.json({ ok: true }, { status: 404 }))).not.toEqual([]);
    expect(document.paths["/api/v1/rankings"]).toBeDefined();
  });
});
