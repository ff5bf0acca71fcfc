import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

type Json = Record<string, unknown>;
export type Document = { openapi: string; paths: Record<string, Record<string, Json>>; components: Json };

/** The document as GET /api/v1/openapi.json serves it. */
export async function servedDocument(): Promise<Document> {
  return (await openApiRoute().json()) as Document;
}

/**
 * Checks answers against what the document says a route answers: its statuses, their media
 * types, and (for JSON) the answer's schema, compiled strictly with ajv (JSON Schema 2020-12,
 * the dialect OpenAPI 3.1 uses).
 */
export function answerChecker(document: Document) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats.default(ajv);
  const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
  const compiled = new Map<string, ValidateFunction>();
  const resolve = (schema: Json): Json => {
    const ref = schema.$ref;
    if (typeof ref !== "string") return schema;
    const named = schemas[ref.replace("#/components/schemas/", "")];
    if (!named) throw new Error(`${ref} is not in the document`);
    return named;
  };
  return {
    /** The problems with an answer of `path` (as the document writes it), or [] when it matches. */
    async problems(path: string, response: Response): Promise<string[]> {
      const operation = document.paths[path]?.get as { responses: Record<string, Json> } | undefined;
      if (!operation) return [`${path} is not documented`];
      const documented = operation.responses[String(response.status)];
      if (!documented) return [`${path} answers ${response.status}, which is not documented`];
      const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      const media = (documented.content as Record<string, { schema: Json }> | undefined)?.[type];
      if (!media) return [`${path} ${response.status} answers ${type}, which is not documented`];
      if (type !== "application/json") return [];
      const key = `${path} ${response.status}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(resolve(media.schema));
        compiled.set(key, validate);
      }
      const body: unknown = await response.json();
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
