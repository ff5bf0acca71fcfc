import { describe, expect, it } from "vitest";
import {
  belowFloor,
  compareVersions,
  floorFor,
  type InstalledCopy,
  installedCopies,
  majorLine,
  SECURITY_FLOORS,
  type SecurityFloor,
} from "@/scripts/version-floor";

/** One top-level copy of every package with a floor, at the floor of its newest line. */
function atTheFloors(): InstalledCopy[] {
  return SECURITY_FLOORS.map(({ name, floors }) => {
    const newest = Object.keys(floors).sort((a, b) => Number(b) - Number(a))[0] ?? "0";
    return { name, where: `node_modules/${name}`, version: floors[newest] ?? "0.0.0" };
  });
}

const at = (copies: InstalledCopy[], name: string, version: string, where = `node_modules/${name}`) =>
  copies.map((c) => (c.name === name && c.where === where ? { ...c, version } : c));

describe("security floor of next and react", () => {
  it("orders versions numerically, pre-releases below their release", () => {
    expect(compareVersions("16.4.10", "16.4.6")).toBeGreaterThan(0);
    expect(compareVersions("16.4.6", "16.4.6")).toBe(0);
    expect(compareVersions("16.4.6-canary.3", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("15.9.9", "16.0.0")).toBeLessThan(0);
  });

  it("flags a package below its floor or missing, and passes those at or above", () => {
    expect(belowFloor(at(atTheFloors(), "react", "19.3.2"))).toEqual([]);
    const withoutReactDom = atTheFloors().filter((c) => c.name !== "react-dom");
    const problems = belowFloor(at(withoutReactDom, "next", "15.5.2"));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("node_modules/next 15.5.2");
    expect(problems[1]).toContain("react-dom");
  });
});

describe("pre-release floors", () => {
  it("compare the numbers in their tags as numbers", () => {
    expect(compareVersions("5.0.0-beta.4", "5.0.0-beta.32")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.32")).toBe(0);
    expect(majorLine("5.0.0-beta.31")).toBe("5");
    expect(belowFloor(at(atTheFloors(), "next-auth", "5.0.0-beta.31")).join()).toMatch(
      /next-auth 5.0.0-beta.31 thấp hơn mức an toàn 5.0.0-beta.32/,
    );
  });
});

describe("a floor per major line", () => {
  const x: SecurityFloor = { name: "x", floors: { "2": "2.4.1", "3": "3.0.2" } };
  const copy = (version: string): InstalledCopy => ({ name: "x", where: "node_modules/x", version });

  it("holds each copy to the floor of its own line", () => {
    expect(floorFor(x, "2.9.0")).toBe("2.4.1");
    expect(floorFor(x, "3.0.0")).toBe("3.0.2");
    expect(belowFloor([copy("2.4.1")], [x])).toEqual([]);
    expect(belowFloor([copy("3.0.2")], [x])).toEqual([]);
    expect(belowFloor([copy("2.4.0")], [x])).toEqual(["node_modules/x 2.4.0 thấp hơn mức an toàn 2.4.1"]);
    // 3.0.1 is newer than the 2.x floor, but its own line's fix is 3.0.2.
    expect(belowFloor([copy("3.0.1")], [x])).toEqual(["node_modules/x 3.0.1 thấp hơn mức an toàn 3.0.2"]);
  });

  it("holds a line with no fix of its own to the newest line's floor, unless declared unaffected", () => {
    // No fix on 1.x: only moving to 3.0.2 clears it.
    expect(belowFloor([copy("1.9.9")], [x])).toEqual(["node_modules/x 1.9.9 thấp hơn mức an toàn 3.0.2"]);
    // A line newer than every fix is past them all.
    expect(belowFloor([copy("4.0.0")], [x])).toEqual([]);
    expect(belowFloor([copy("1.9.9")], [{ ...x, unaffected: ["1"] }])).toEqual([]);
    // brace-expansion had no 4.x fix: a 4.x copy must move to 5.0.8.
    const braces = SECURITY_FLOORS.find((f) => f.name === "brace-expansion");
    expect(braces && floorFor(braces, "4.0.1")).toBe("5.0.8");
  });
});

describe("every installed copy", () => {
  const lock = {
    "": { version: "0.1.0" },
    "node_modules/x": { version: "3.0.5" },
    "node_modules/a/node_modules/x": { version: "2.4.0" },
    "node_modules/@scope/b/node_modules/x": { version: "3.1.0" },
    "node_modules/xx": { version: "0.0.1" },
    "node_modules/@scope/x": { version: "0.0.1" },
    "node_modules/linked": { link: true },
  };
  const x: SecurityFloor = { name: "x", floors: { "2": "2.4.1", "3": "3.0.2" } };

  it("reads nested copies under their paths, and only the package of that name", () => {
    expect(installedCopies(lock, ["x", "linked"])).toEqual([
      { name: "x", where: "node_modules/x", version: "3.0.5" },
      { name: "x", where: "node_modules/a/node_modules/x", version: "2.4.0" },
      { name: "x", where: "node_modules/@scope/b/node_modules/x", version: "3.1.0" },
    ]);
    expect(installedCopies(lock, ["@scope/x"])).toEqual([
      { name: "@scope/x", where: "node_modules/@scope/x", version: "0.0.1" },
    ]);
  });

  it("names a nested copy below its floor though the top-level one is above", () => {
    expect(belowFloor(installedCopies(lock, ["x"]), [x])).toEqual([
      "node_modules/a/node_modules/x 2.4.0 thấp hơn mức an toàn 2.4.1",
    ]);
  });
});
