/**
 * The security floor of one package: per major line, the oldest release without a published
 * advisory. A copy on a line listed here must be at or above that line's floor. A copy on a line
 * not listed must be at or above the floor of the newest line listed (no fix was released on its
 * line, so only a newer line has one), unless its line is declared `unaffected`.
 */
export type SecurityFloor = {
  name: string;
  /** Major line ("0", "4", "10") → the oldest release of that line without a published advisory. */
  floors: Record<string, string>;
  /** Major lines the advisories never affected, though older than the newest line's floor. */
  unaffected?: string[];
};

// Security floors: for every dependency with a published advisory, the oldest release of each
// line without one. Raise a floor when a new advisory is published; never lower one.
export const SECURITY_FLOORS: SecurityFloor[] = [
  // React Server Components RCE, proxy bypasses (2025-2026).
  { name: "next", floors: { "16": "16.4.6" } },
  { name: "react", floors: { "19": "19.3.1" } },
  { name: "react-dom", floors: { "19": "19.3.1" } },
  // GHSA-8fpg-xm3f-6cx3 (auth checks fail open on configuration errors), GHSA-7rqj-j65f-68wh,
  // GHSA-xmf8-cvqr-rfgj (getToken crash on a malformed Bearer header), GHSA-x445-f3h2-j279.
  { name: "next-auth", floors: { "5": "5.0.0-beta.32" } },
  { name: "@auth/core", floors: { "0": "0.41.3" } },
  // GHSA-m95q-7qp3-xv42: ReDoS in the email check (3.22.2 and older; zod 4 was never affected).
  { name: "zod", floors: { "3": "3.22.3" } },
  // CVE-2023-4863 (libwebp heap overflow, in the bundled libvips).
  { name: "sharp", floors: { "0": "0.32.6" } },
  // GHSA-hhhv-q57g-882q: resource exhaustion on crafted compressed JWE (fixed in 2.x and 4.x).
  { name: "jose", floors: { "2": "2.0.7", "4": "4.15.5" } },
  // GHSA-wc9v-mj63-m9g5: code execution from crafted column names.
  { name: "pg", floors: { "7": "7.1.2" } },
  // CVE-2019-17592: ReDoS on crafted numbers.
  { name: "csv-parse", floors: { "4": "4.4.6" } },
  // Below exceljs and the build: GHSA-52f5-9888-hmc6 (tmp: write through a symlink),
  // GHSA-v6h2-p8h4-qcjw (brace-expansion ReDoS), GHSA-mwcw-c2x4-8c55 (nanoid),
  // GHSA-3xgq-45jj-v275 (cross-spawn ReDoS), GHSA-7fh5-64p2-3v2j (postcss line return parsing).
  { name: "tmp", floors: { "0": "0.2.4" } },
  // brace-expansion, fixed on each line: GHSA-v6h2-p8h4-qcjw (1.1.12, 2.0.2), GHSA-f886-m6hf-6m8v
  // (CVE-2026-33750, a zero step loops forever: 1.1.13, 2.0.3, 3.0.2, 5.0.5) and GHSA-mh99-v99m-4gvg
  // (CVE-2026-14257, unbounded expansion runs out of memory: 1.1.17, 2.1.3, 3.0.3, 5.0.8; no 4.x fix).
  { name: "brace-expansion", floors: { "1": "1.1.17", "2": "2.1.3", "3": "3.0.3", "5": "5.0.8" } },
  { name: "nanoid", floors: { "3": "3.3.8", "5": "5.0.9" } },
  { name: "cross-spawn", floors: { "6": "6.0.6", "7": "7.0.5" } },
  { name: "postcss", floors: { "8": "8.4.31" } },
  // nodemailer: GHSA-p6gq-j5cr-w38f (high: a message-level raw option bypasses disableFileAccess/
  // disableUrlAccess, file read and SSRF; fixed in 9.0.1), GHSA-cc9r-2j5m-2m83 and
  // GHSA-2x7j-588g-ccc2 (quadratic address parsing; 9.1.0), GHSA-wmmp-3585-3rmp and
  // GHSA-8m3c-c648-2xjj (resolveContent sandbox bypass; 9.1.1), then on 10.x only:
  // GHSA-v53p-9fqp-m79j (10.0.6), GHSA-g57g-f23g-4646 (10.0.9), GHSA-4g23-2xm8-66gc (10.0.10),
  // GHSA-g73g-hqqh-jr95 (high: a comment inside an angle-bracket address is never stripped;
  // 10.0.13), GHSA-85x2-q946-cp5h (10.1.4). No 8.x or 9.x release has the 10.x fixes, so every
  // copy must be 10.1.4 or newer.
  { name: "nodemailer", floors: { "10": "10.1.4" } },
  // uuid (below exceljs): GHSA-w5hq-g745-h8pq (CVE-2026-41907, v3/v5/v6 write past the end of a
  // caller's buffer), fixed in 14.0.0 and back-ported to 11.1.1; nothing below 11 has the fix, and
  // 12.x/13.x are held to 14.0.0 until their back-ports are confirmed.
  { name: "uuid", floors: { "11": "11.1.1", "14": "14.0.0" } },
];

/** One installed copy of a package: where npm put it and its version. */
export type InstalledCopy = { name: string; where: string; version: string };

/** Compares x.y.z versions (pre-release tags sort below their release). Negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  // beta.4 < beta.32: numbers inside the tag compare as numbers.
  return (x.pre ?? "").localeCompare(y.pre ?? "", "en", { numeric: true });
}

function parseVersion(v: string) {
  const [core = "", pre] = v.trim().replace(/^v/, "").split("-", 2);
  return { parts: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
}

/** The major line of a version: "10" for 10.6.1, "0" for 0.2.7. */
export function majorLine(version: string): string {
  return String(parseVersion(version).parts[0] ?? 0);
}

/** The floor one copy must reach, or undefined when its line is safe at any version. */
export function floorFor(entry: SecurityFloor, version: string): string | undefined {
  const line = majorLine(version);
  const own = entry.floors[line];
  if (own) return own;
  if (entry.unaffected?.includes(line)) return undefined;
  const newest = Object.keys(entry.floors).sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : entry.floors[newest];
}

/**
 * One line per installed copy below its floor (named by its path in node_modules), and one per
 * package with a floor that is not installed at all; empty when every copy is at or above.
 */
export function belowFloor(copies: InstalledCopy[], floors: SecurityFloor[] = SECURITY_FLOORS): string[] {
  return floors.flatMap((entry) => {
    const mine = copies.filter((c) => c.name === entry.name);
    if (!mine.length) return [`${entry.name}: không cài đặt (cần ≥ ${Object.values(entry.floors).join(" / ")})`];
    return mine.flatMap((copy) => {
      const floor = floorFor(entry, copy.version);
      return floor && compareVersions(copy.version, floor) < 0
        ? [`${copy.where} ${copy.version} thấp hơn mức an toàn ${floor}`]
        : [];
    });
  });
}

/**
 * Every installed copy of the named packages, nested ones too, from npm's record of what
 * node_modules holds (node_modules/.package-lock.json lists each copy under its path).
 */
export function installedCopies(
  packages: Record<string, { version?: string; link?: boolean }>,
  names: string[],
): InstalledCopy[] {
  const wanted = new Set(names);
  return Object.entries(packages).flatMap(([where, entry]) => {
    const at = where.lastIndexOf("node_modules/");
    if (at < 0 || entry.link) return [];
    const name = where.slice(at + "node_modules/".length);
    return wanted.has(name) ? [{ name, where, version: entry.version ?? "0.0.0" }] : [];
  });
}
