import { describe, expect, it } from "vitest";
import { InvalidParamError } from "@/lib/errors";
import { parsePageParams } from "@/lib/params/query-params";
import { parseRankingParams, parseWeeklyExportParams } from "@/lib/rankings/parse-ranking-query";

const wrong = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof InvalidParamError) return { param: error.param, message: error.message };
    throw error;
  }
  throw new Error("no error");
};
const q = (text: string) => new URLSearchParams(text);

describe("the public queries' schemas", () => {
  it("name the first wrong parameter in the order they are checked", () => {
    expect(wrong(() => parseRankingParams(q("level=x&asOf=bad")))).toEqual({
      param: "indicator",
      message: "Thiếu tham số indicator (mã chỉ tiêu, ví dụ CCCD_INTAKE).",
    });
    expect(wrong(() => parseRankingParams(q("indicator=%20&level=x"))).param).toBe("indicator");
    expect(wrong(() => parseRankingParams(q("indicator=A&level=&asOf=bad")))).toEqual({
      param: "level",
      message: "level phải là province, district hoặc commune.",
    });
    expect(wrong(() => parseRankingParams(q("indicator=A&structureOn=2023-02-30&asOf=bad"))).param).toBe("structureOn");
  });

  it("tell that asOf and period go not together before what is wrong with either", () => {
    const both = { param: "period", message: "Dùng asOf (một ngày) hoặc period (một kỳ báo cáo), không dùng cả hai." };
    expect(wrong(() => parseRankingParams(q("indicator=A&period=month:2023-05&asOf=bad")))).toEqual(both);
    expect(wrong(() => parseRankingParams(q("indicator=A&period=nonsense&asOf=2023-05-01")))).toEqual(both);
    expect(wrong(() => parseWeeklyExportParams(q("period=month:2023-05&asOf=2023-05-01")))).toEqual(both);
    expect(wrong(() => parseRankingParams(q("indicator=A&asOf=2023-13-01")))).toEqual({
      param: "asOf",
      message: 'asOf phải là ngày dạng YYYY-MM-DD, năm 1900–2199 (nhận "2023-13-01").',
    });
  });

  it("read what is right, with the defaults", () => {
    const query = parseRankingParams(q("indicator=%20CCCD_INTAKE%20&level=DISTRICT&parent=01&period=month:2023-05"));
    expect(query).toMatchObject({ indicator: "CCCD_INTAKE", level: "DISTRICT", parent: "01" });
    expect(query.period?.key).toBe("month:2023-05");
    expect(query.asOf.toISOString().slice(0, 10)).toBe("2023-05-14");
    expect(parseRankingParams(q("indicator=A&asOf=&parent=")).parent).toBeUndefined();
    expect(parsePageParams(q(""))).toEqual({ limit: 1000, offset: 0 });
    expect(parsePageParams(q("limit=5&offset=%207"))).toEqual({ limit: 5, offset: 7 });
    expect(wrong(() => parsePageParams(q("limit=0")))).toEqual({
      param: "limit",
      message: "limit phải từ 1 đến 5000 (nhận 0).",
    });
    expect(wrong(() => parsePageParams(q("limit=-1")))).toEqual({
      param: "limit",
      message: 'limit phải là số nguyên không âm (nhận "-1").',
    });
    expect(wrong(() => parsePageParams(q("limit=5&offset=x"))).param).toBe("offset");
  });
});
