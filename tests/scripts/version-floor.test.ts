import { describe, expect, it } from "vitest";
import { belowFloor, compareVersions, SECURITY_FLOORS } from "@/scripts/version-floor";

describe("security floor of next and react", () => {
  it("orders versions numerically, pre-releases below their release", () => {
    expect(compareVersions("16.4.10", "16.4.6")).toBeGreaterThan(0);
    expect(compareVersions("16.4.6", "16.4.6")).toBe(0);
    expect(compareVersions("16.4.6-canary.3", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("15.9.9", "16.0.0")).toBeLessThan(0);
  });

  it("flags a package below its floor or missing, and passes those at or above", () => {
    expect(belowFloor({ ...SECURITY_FLOORS, react: "19.3.2" })).toEqual([]);
    const { "react-dom": _, ...withoutReactDom } = SECURITY_FLOORS;
    const problems = belowFloor({ ...withoutReactDom, next: "15.5.2" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("next 15.5.2");
    expect(problems[1]).toContain("react-dom");
  });
});

describe("pre-release floors", () => {
  it("compare the numbers in their tags as numbers", () => {
    expect(compareVersions("5.0.0-beta.4", "5.0.0-beta.32")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.32")).toBe(0);
    expect(belowFloor({ ...SECURITY_FLOORS, "next-auth": "5.0.0-beta.31" }).join()).toMatch(
      /next-auth 5.0.0-beta.31 thấp hơn mức an toàn/,
    );
  });
});
