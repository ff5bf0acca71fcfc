// npm run check:versions: fails when any installed copy of a dependency is older than its
// security floor (version-floor.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { belowFloor, compareVersions, installedCopies, SECURITY_FLOORS } from "./version-floor";

// Every installed copy counts, nested ones too (npm nests a package where versions differ):
// npm's record of what node_modules holds lists each with its path.
const root = path.resolve(import.meta.dirname, "..");
const tree = JSON.parse(readFileSync(path.join(root, "node_modules", ".package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; link?: boolean }>;
};
const copies = installedCopies(
  tree.packages,
  SECURITY_FLOORS.map((f) => f.name),
);
const problems = belowFloor(copies);
if (problems.length) {
  console.error(`✗ Phiên bản có lỗ hổng bảo mật đã biết:\n  ${problems.join("\n  ")}\nCập nhật lên bản vá mới nhất.`);
  process.exit(1);
}
console.log(
  `✓ Phiên bản đạt mức an toàn: ${SECURITY_FLOORS.map(({ name }) => {
    const versions = copies
      .filter((c) => c.name === name)
      .map((c) => c.version)
      .sort(compareVersions);
    return `${name} ${[...new Set(versions)].join(", ")}`;
  }).join("; ")}`,
);
