import { describe, expect, it } from "vitest";
import { forecastReachDate } from "@/lib/rankings/arithmetic";
import { neededPerWeek, trajectoryOf, weeksLeft } from "@/lib/rankings/trajectory";
import { day } from "../setup/fixtures";

// Hand-made series: a unit at `value` on 1/11/2026 with `fourWeeksAgo` four weeks earlier,
// a target of 1 000 due on 27/12/2026 (8 weeks on).
const asOf = day("2026-11-01");
const deadline = day("2026-12-27");
function unit(value: number, fourWeeksAgo: number, at = asOf) {
  const forecastOn = forecastReachDate(value, 1000, fourWeeksAgo, at);
  const progress = { value, target: 1000, deadline, asOf: at };
  return {
    needed: neededPerWeek(progress, true),
    trajectory: trajectoryOf({ ...progress, forecastOn, hasForecast: true }),
    forecastOn,
  };
}

describe("what a unit still needs each week, and where it is heading", () => {
  it("counts the weeks left to the deadline, a part week as one and never fewer than one", () => {
    expect(weeksLeft(deadline, asOf)).toBe(8);
    expect(weeksLeft(deadline, day("2026-12-25"))).toBe(1);
    expect(weeksLeft(deadline, day("2027-01-10"))).toBe(1);
  });

  it("done: nothing more is needed", () => {
    expect(unit(1000, 900)).toMatchObject({ needed: null, trajectory: "done" });
    expect(unit(1200, 900)).toMatchObject({ needed: null, trajectory: "done" });
  });

  it("on track: 400 to go over 8 weeks needs 50 a week, and 60 a week gets there on 18/12", () => {
    expect(unit(600, 360)).toEqual({ needed: 50, trajectory: "on-track", forecastOn: day("2026-12-18") });
  });

  it("at risk: 40 a week reaches the target on 10/1/2027, two weeks after the deadline", () => {
    expect(unit(600, 440)).toEqual({ needed: 50, trajectory: "at-risk", forecastOn: day("2027-01-10") });
  });

  it("off track: 20 a week reaches it in 20 weeks, far past the deadline; no progress never reaches it", () => {
    expect(unit(600, 520)).toMatchObject({ needed: 50, trajectory: "off-track" });
    expect(unit(600, 600)).toEqual({ needed: 50, trajectory: "off-track", forecastOn: null });
  });

  it("past the deadline and not reached: the whole gap is needed now, and it is off track", () => {
    expect(unit(900, 700, day("2027-01-03"))).toMatchObject({ needed: 100, trajectory: "off-track" });
  });

  it("rounds a count up to a whole one, and keeps a share's percentage points as they are", () => {
    expect(neededPerWeek({ value: 999, target: 1000, deadline, asOf }, true)).toBe(1);
    expect(neededPerWeek({ value: 80, target: 90, deadline, asOf }, false)).toBe(1.25);
  });

  it("has no answer without a target or a deadline, and none for a share still running (it has no forecast)", () => {
    expect(neededPerWeek({ value: 10, target: null, deadline, asOf }, true)).toBeNull();
    expect(neededPerWeek({ value: 10, target: 1000, deadline: null, asOf }, true)).toBeNull();
    expect(
      trajectoryOf({ value: 10, target: 1000, deadline: null, asOf, forecastOn: null, hasForecast: true }),
    ).toBeNull();
    expect(trajectoryOf({ value: 80, target: 90, deadline, asOf, forecastOn: null, hasForecast: false })).toBeNull();
    expect(trajectoryOf({ value: 95, target: 90, deadline, asOf, forecastOn: null, hasForecast: false })).toBe("done");
  });
});
