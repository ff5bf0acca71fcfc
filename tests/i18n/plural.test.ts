import { describe, expect, it } from "vitest";
import { plural } from "@/lib/i18n/plural";
import { publicMessages } from "@/lib/i18n/public-messages";

describe("counted words", () => {
  it("follow each language's plural rules", () => {
    const en = publicMessages("en");
    expect(en.early(1)).toBe("1 day early");
    expect(en.early(2)).toBe("2 days early");
    expect(en.late(1)).toBe("1 day late");
    expect(en.overdue(0)).toBe("0 days overdue");
    expect(en.rankUp(1)).toBe(" place up since last week"); // after the number, which is drawn apart
    expect(en.rankDown(3)).toBe(" places down since last week");
    const vi = publicMessages("vi");
    expect(vi.early(1)).toBe("sớm 1 ngày");
    expect(vi.early(2)).toBe("sớm 2 ngày");
    expect(plural("vi", 1, { one: "x", other: "y" })).toBe("y"); // Vietnamese has one form only
  });
});
