const PLACEHOLDER_ORIGIN = "http://this-site.invalid";

/**
 * A path of this site to send the user to after signing in, or the fallback. The value is
 * parsed as a URL against this site's origin, exactly as a browser would resolve it, so
 * `/\evil.example`, `/%09/evil.example` and `//evil.example` (which browsers read as other
 * sites) are refused rather than matched by a prefix test.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/")) return fallback;
  if (!URL.canParse(value, PLACEHOLDER_ORIGIN)) return fallback;
  const url = new URL(value, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Rebuilt from the parsed parts: whatever the browser would have read differently is gone.
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalising can itself make a path another site's address: "/.//evil.example" resolves to
  // the path "//evil.example", which a browser reads as a host. The result is checked as
  // the browser will read it in the Location header, and must read back unchanged.
  if (/^\/[\\/]/.test(path)) return fallback;
  const again = new URL(path, PLACEHOLDER_ORIGIN);
  if (again.origin !== PLACEHOLDER_ORIGIN || `${again.pathname}${again.search}${again.hash}` !== path) return fallback;
  return path;
}
