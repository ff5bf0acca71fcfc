// npm run check:versions: fails when a dependency is older than its security floor (version-floor.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { belowFloor, compareVersions, SECURITY_FLOORS } from "./version-floor";

// Every installed copy counts, nested ones too (npm nests a package where versions differ):
// npm's record of what node_modules holds lists each with its path.
const root = path.resolve(import.meta.dirname, "..");
const tree = JSON.parse(readFileSync(path.join(root, "node_modules", ".package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string }>;
};
const copies = (name: string) =>
  Object.entries(tree.packages)
    .filter(([where]) => where === `node_modules/${name}` || where.endsWith(`/node_modules/${name}`))
    .map(([where, entry]) => ({ where, version: entry.version ?? "0.0.0" }));
// The oldest copy of each is the one that decides.
const installed = Object.fromEntries(
  Object.keys(SECURITY_FLOORS).map((name) => {
    const found = copies(name).sort((a, b) => compareVersions(a.version, b.version));
    return [name, found[0]?.version];
  }),
);
const problems = belowFloor(installed);
if (problems.length) {
  console.error(`✗ Phiên bản có lỗ hổng bảo mật đã biết:\n  ${problems.join("\n  ")}\nCập nhật lên bản vá mới nhất.`);
  process.exit(1);
}
console.log(
  `✓ Phiên bản đạt mức an toàn: ${Object.entries(installed)
    .map(([n, v]) => `${n} ${v}`)
    .join(", ")}`,
);
