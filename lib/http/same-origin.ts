/**
 * Whether a write comes from this site: its Origin names this host, or (a browser that sent
 * no Origin) Sec-Fetch-Site says same-origin. "null", garbage and a missing Origin are not.
 * `host` is the Host header, or X-Forwarded-Host when a trusted proxy set it.
 */
export function isSameOriginRequest(request: { origin?: string; host: string; secFetchSite?: string }): boolean {
  if (request.origin === undefined || request.origin === "") return request.secFetchSite === "same-origin";
  if (!URL.canParse(request.origin)) return false;
  const origin = new URL(request.origin);
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return false;
  return request.host !== "" && origin.host === request.host.toLowerCase();
}
