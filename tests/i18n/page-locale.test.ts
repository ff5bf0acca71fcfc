import { describe, expect, it } from "vitest";
import { pageLocaleOf } from "@/lib/i18n/page-locale";

describe("the language of the page a request asks for", () => {
  it("public pages follow ?lang= alone, whatever the staff cookie says", () => {
    expect(pageLocaleOf("/?lang=en", undefined)).toBe("en");
    expect(pageLocaleOf("/units/01?indicator=X&lang=en", "de-an-06-ngon-ngu=vi")).toBe("en");
    expect(pageLocaleOf("/", "a=1; de-an-06-ngon-ngu=en")).toBe("vi");
    expect(pageLocaleOf("/units/01", "de-an-06-ngon-ngu=en")).toBe("vi");
  });

  it("staff pages follow the cookie; other addresses fall back to ?lang=", () => {
    expect(pageLocaleOf("/nhap-lieu", "a=1; de-an-06-ngon-ngu=en")).toBe("en");
    expect(pageLocaleOf("/nhap-lieu?lang=en", "de-an-06-ngon-ngu=vi")).toBe("vi");
    expect(pageLocaleOf("/khong-co?lang=en", undefined)).toBe("en");
    expect(pageLocaleOf("/dieu-hanh", "de-an-06-ngon-ngu=fr")).toBe("vi");
  });
});
