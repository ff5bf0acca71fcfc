import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi-document";

// Public: the OpenAPI 3.1 description of the public API, built from the schemas that parse it.
let document: string | undefined;

export function GET() {
  document ??= JSON.stringify(openApiDocument());
  return new NextResponse(document, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=3600" },
  });
}
