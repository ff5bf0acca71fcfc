// npm run check:versions: fails when a dependency is older than its security floor (version-floor.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { belowFloor, SECURITY_FLOORS } from "./version-floor";

// Read from the installed package itself: some packages' "exports" hide package.json from require.
const root = path.resolve(import.meta.dirname, "..");
const installed = Object.fromEntries(
  Object.keys(SECURITY_FLOORS).map((name) => {
    try {
      const manifest = readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8");
      return [name, (JSON.parse(manifest) as { version: string }).version];
    } catch {
      return [name, undefined];
    }
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
