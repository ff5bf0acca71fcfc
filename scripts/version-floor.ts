// Security floors: for every dependency with a published advisory, the oldest release
// without one. Raise a floor when a new advisory is published; never lower one.
export const SECURITY_FLOORS: Record<string, string> = {
  // React Server Components RCE, proxy bypasses (2025-2026).
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  // GHSA-8fpg-xm3f-6cx3 (auth checks fail open on configuration errors), GHSA-7rqj-j65f-68wh,
  // GHSA-xmf8-cvqr-rfgj (getToken crash on a malformed Bearer header), GHSA-x445-f3h2-j279.
  "next-auth": "5.0.0-beta.32",
  "@auth/core": "0.41.3",
  // GHSA-m95q-7qp3-xv42: ReDoS in the email check.
  zod: "3.22.3",
  // CVE-2023-4863 (libwebp heap overflow, in the bundled libvips).
  sharp: "0.32.6",
  // GHSA-hhhv-q57g-882q: resource exhaustion on crafted compressed JWE.
  jose: "4.15.5",
  // GHSA-wc9v-mj63-m9g5: code execution from crafted column names.
  pg: "7.1.2",
  // CVE-2019-17592: ReDoS on crafted numbers.
  "csv-parse": "4.4.6",
  // Below exceljs and the build: GHSA-52f5-9888-hmc6 (tmp: write through a symlink),
  // GHSA-v6h2-p8h4-qcjw (brace-expansion ReDoS), GHSA-mwcw-c2x4-8c55 (nanoid),
  // GHSA-3xgq-45jj-v275 (cross-spawn ReDoS), GHSA-7fh5-64p2-3v2j (postcss line return parsing).
  tmp: "0.2.4",
  "brace-expansion": "1.1.12",
  nanoid: "3.3.8",
  "cross-spawn": "7.0.5",
  postcss: "8.4.31",
};

/** Compares x.y.z versions (pre-release tags sort below their release). Negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.trim().replace(/^v/, "").split("-", 2);
    return { parts: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  // beta.4 < beta.32: numbers inside the tag compare as numbers.
  return (x.pre ?? "").localeCompare(y.pre ?? "", "en", { numeric: true });
}

/** One line per installed package below its floor; empty when all are at or above. */
export function belowFloor(installed: Record<string, string | undefined>): string[] {
  return Object.entries(SECURITY_FLOORS).flatMap(([name, floor]) => {
    const version = installed[name];
    if (!version) return [`${name}: không cài đặt (cần ≥ ${floor})`];
    return compareVersions(version, floor) < 0 ? [`${name} ${version} thấp hơn mức an toàn ${floor}`] : [];
  });
}
