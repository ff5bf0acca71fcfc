import { describe, expect, it } from "vitest";
import { belowFloor, compareVersions } from "@/scripts/version-floor";

describe("security floor of next and react", () => {
  it("orders versions numerically, pre-releases below their release", () => {
    expect(compareVersions("16.4.10", "16.4.6")).toBeGreaterThan(0);
    expect(compareVersions("16.4.6", "16.4.6")).toBe(0);
    expect(compareVersions("16.4.6-canary.3", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("15.9.9", "16.0.0")).toBeLessThan(0);
  });

  it("flags a package below its floor or missing, and passes those at or above", () => {
    expect(belowFloor({ next: "16.4.6", react: "19.3.2", "react-dom": "19.3.1" })).toEqual([]);
    const problems = belowFloor({ next: "15.5.2", react: "19.3.1" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("next 15.5.2");
    expect(problems[1]).toContain("react-dom");
  });
});
