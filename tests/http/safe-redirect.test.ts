import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

describe("the page after sign-in", () => {
  it("keeps paths of this site, with their query and hash", () => {
    expect(safeRedirectPath("/nhap-lieu?unit=01&week=2025-06-29#bang", "/x")).toBe(
      "/nhap-lieu?unit=01&week=2025-06-29#bang",
    );
    expect(safeRedirectPath("/%5Cevil.example/x", "/x")).toBe("/%5Cevil.example/x");
  });

  it("refuses whatever a browser would open as another site", () => {
    for (const crafted of [
      "/\\evil.example/x",
      "//evil.example",
      "/\t/evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "evil",
      "",
    ]) {
      expect(safeRedirectPath(crafted, "/nhap-lieu")).toBe("/nhap-lieu");
    }
    expect(safeRedirectPath(undefined, "/nhap-lieu")).toBe("/nhap-lieu");
    expect(safeRedirectPath(["/a"], "/nhap-lieu")).toBe("/nhap-lieu");
  });

  it("refuses paths that normalise into another site's address", () => {
    for (const crafted of [
      "/.//127.0.0.1:9999/x",
      "/..//127.0.0.1:9999/x",
      "/%2e//127.0.0.1:9999/x",
      "/%2E%2E//evil.example",
      "/./%5C/evil.example",
      "/.%2F/evil.example",
      "/.///evil.example",
      "/a/..//evil.example",
      "/./\\evil.example",
    ]) {
      const path = safeRedirectPath(crafted, "/nhap-lieu");
      expect(new URL(path, "http://site.example").origin, crafted).toBe("http://site.example");
      expect(path, crafted).not.toMatch(/^\/[\\/]/);
    }
    expect(safeRedirectPath("/./nhap-lieu", "/x")).toBe("/nhap-lieu");
  });
});
