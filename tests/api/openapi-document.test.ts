import { validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { servedDocument } from "./openapi-schema";

const PUBLIC_ROUTES = [
  "/api/v1/rankings",
  "/api/v1/units",
  "/api/v1/units/{code}/series",
  "/api/v1/exports/weekly",
  "/api/v1/exports/ranking",
  "/api/v1/publications",
  "/api/v1/publications/{number}",
  "/api/v1/publications/{number}/ranking",
  "/api/v1/publications/{number}/export",
  "/api/v1/health",
  "/api/v1/ready",
  "/api/v1/openapi.json",
];

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document of every public route", async () => {
    const document = await servedDocument();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(document.paths).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("is valid against the OpenAPI 3.1 specification", async () => {
    const result = await validate(structuredClone(await servedDocument()) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe("OpenAPI");
  });

  it("has answer and parameter schemas that compile as strict JSON Schema 2020-12", async () => {
    const document = await servedDocument();
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    const schemas = Object.values((document.components as { schemas: Record<string, object> }).schemas);
    const parameters = Object.values(document.paths).flatMap((item) =>
      ((item.get?.parameters ?? []) as { schema: object }[]).map((p) => p.schema),
    );
    for (const schema of [...schemas, ...parameters]) expect(() => ajv.compile(schema)).not.toThrow();
  });

  it("documents each query parameter a route reads, and every error code", async () => {
    const document = await servedDocument();
    const names = (path: string) =>
      ((document.paths[path]?.get?.parameters ?? []) as { name: string; required: boolean }[]).map((p) =>
        p.required ? `${p.name}!` : p.name,
      );
    expect(names("/api/v1/rankings")).toEqual([
      "indicator!",
      "level",
      "structureOn",
      "parent",
      "period",
      "asOf",
      "basis",
      "limit",
      "offset",
      "format",
    ]);
    expect(names("/api/v1/units")).toEqual(["level", "asOf", "parent", "format"]);
    expect(names("/api/v1/units/{code}/series")).toEqual(["code!", "indicator!", "asOf", "format"]);
    expect(names("/api/v1/exports/weekly")).toEqual(["unit", "period", "asOf"]);
    const error = (document.components as { schemas: { Error: { properties: { error: { properties: object } } } } })
      .schemas.Error;
    expect(error.properties.error.properties).toMatchObject({ code: { enum: Object.keys(ERROR_CODES) } });
  });
});
