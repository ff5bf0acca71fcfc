import { describe, expect, it } from "vitest";
import { matchesSearch, searchKey } from "@/lib/format/search-key";

describe("searchKey", () => {
  it("drops tone marks and diacritics, reads đ as d and ignores case and spacing", () => {
    expect(searchKey("  Xã  Đắk Mil ")).toBe("xa dak mil");
    expect(searchKey("Phường Hưng Lợi")).toBe("phuong hung loi");
    expect(searchKey("Thành phố Hồ Chí Minh")).toBe("thanh pho ho chi minh");
  });
  it("finds a name from words typed in any order, with or without marks", () => {
    expect(matchesSearch("Xã Đắk Mil", "mil dak")).toBe(true);
    expect(matchesSearch("Xã Đắk Mil", "Đắk")).toBe(true);
    expect(matchesSearch("Xã Đắk Mil", "dak song")).toBe(false);
    expect(matchesSearch("Xã Đắk Mil", "   ")).toBe(true);
  });
});
