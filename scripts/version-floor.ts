// Security floors: the oldest releases of next and react without known remote-code-execution
// or authorization-bypass advisories (React Server Components RCE, proxy bypasses; 2025-2026).
// Raise a floor when a new advisory is published; never lower one.
export const SECURITY_FLOORS: Record<string, string> = {
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
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
  return (x.pre ?? "").localeCompare(y.pre ?? "");
}

/** One line per installed package below its floor; empty when all are at or above. */
export function belowFloor(installed: Record<string, string | undefined>): string[] {
  return Object.entries(SECURITY_FLOORS).flatMap(([name, floor]) => {
    const version = installed[name];
    if (!version) return [`${name}: không cài đặt (cần ≥ ${floor})`];
    return compareVersions(version, floor) < 0 ? [`${name} ${version} thấp hơn mức an toàn ${floor}`] : [];
  });
}
