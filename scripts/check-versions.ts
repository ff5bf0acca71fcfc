// npm run check:versions: fails when next or react is older than its security floor.
import { createRequire } from "node:module";
import { belowFloor, SECURITY_FLOORS } from "./version-floor";

const require = createRequire(import.meta.url);
const installed = Object.fromEntries(
  Object.keys(SECURITY_FLOORS).map((name) => {
    try {
      return [name, (require(`${name}/package.json`) as { version: string }).version];
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
