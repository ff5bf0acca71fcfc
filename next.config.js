// Security headers on every response. The CSP has no per-request nonce on purpose: public
// pages are served from a shared cache (lib/http/page-cache.ts), and a nonce must never be
// reused. Next's inline bootstrap scripts therefore need 'unsafe-inline'; everything else is
// limited to this site, and no other site may frame it.
const dev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Every instance runs one build; BUILD_ID names it (e.g. the release's commit) so builds made
  // on several machines from one commit agree. Unset: Next picks a random id per build.
  generateBuildId: async () => process.env.BUILD_ID || null,
  reactStrictMode: true,
  // The database driver and its native-free helpers, and the native SVG rasteriser of the share
  // cards, run on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@resvg/resvg-js"],
  // forbidden() answers 403 with app/forbidden.tsx when a user opens a unit outside their scope.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
