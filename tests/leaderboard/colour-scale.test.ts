import { describe, expect, it } from "vitest";
import { colourOf, colourScale, NO_DATA_COLOUR, scaleLabels } from "@/lib/leaderboard/colour-scale";

const RED = "#b91c1c";
const GREEN = "#047857";

describe("one colour scale for bars, maps, legend and print", () => {
  it("by percent of target: done is green, nearly done is not the colour of far behind", () => {
    const scale = colourScale(null);
    expect(colourOf(scale, 100).fill).toBe(GREEN);
    expect(colourOf(scale, 128.35).fill).toBe(GREEN);
    expect(colourOf(scale, 99.89).fill).not.toBe(RED);
    expect(colourOf(scale, 99.89).fill).not.toBe(colourOf(scale, 45).fill);
    expect(colourOf(scale, 45).fill).toBe(RED);
    expect(colourOf(scale, null)).toEqual(NO_DATA_COLOUR);
    expect(scaleLabels(scale, "vi")).toEqual(["≥ 100 %", "90 – 100 %", "75 – 90 %", "50 – 75 %", "< 50 %"]);
    expect(scaleLabels(scale, "en")).toEqual(["≥ 100%", "90–100%", "75–90%", "50–75%", "< 50%"]);
  });

  it("a scorecard follows its own bands: the top band is green, and only far behind is red", () => {
    const scale = colourScale([80, 90]);
    expect(scale.map((s) => s.min)).toEqual([90, 80, 50, 0]);
    expect(colourOf(scale, 92.49).fill).toBe(GREEN);
    expect(colourOf(scale, 85).fill).not.toBe(RED);
    expect(colourOf(scale, 30).fill).toBe(RED);
    expect(scaleLabels(scale, "vi")).toEqual(["≥ 90 %", "80 – 90 %", "50 – 80 %", "< 50 %"]);
  });
});
