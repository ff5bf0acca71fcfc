import { describe, expect, it } from "vitest";
import { dueAt, dueSettingsProblem, latestDueWeek } from "@/lib/calendar/due-times";
import { parseEnv } from "@/lib/env";
import { formatDue } from "@/lib/format/dates";

const sunday = new Date("2026-11-29T00:00:00Z");
const vietnam = (local: string) => new Date(`${local}+07:00`);

describe("report due times", () => {
  it("counts days after the week's Sunday, in Vietnam's time", () => {
    expect(dueAt(sunday, "1 17:00").toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(dueAt(sunday, "0 23:59").toISOString()).toBe("2026-11-29T16:59:00.000Z");
    expect(formatDue(dueAt(sunday, "1 17:00"))).toBe("17:00 thứ Hai, 30/11/2026");
    expect(formatDue(dueAt(sunday, "7 08:05"))).toBe("08:05 Chủ nhật, 06/12/2026");
  });

  it("the latest week that fell due moves on at the due minute", () => {
    expect(latestDueWeek("1 17:00", vietnam("2026-11-30T16:59"))).toEqual(new Date("2026-11-22T00:00:00Z"));
    expect(latestDueWeek("1 17:00", vietnam("2026-11-30T17:00"))).toEqual(sunday);
    // A due time more than a week after the Sunday reaches back two weeks.
    expect(latestDueWeek("9 12:00", vietnam("2026-12-06T10:00"))).toEqual(new Date("2026-11-22T00:00:00Z"));
    // Sunday evening in Vietnam is already Sunday's week, though it is still Sunday in UTC too.
    expect(latestDueWeek("0 18:00", vietnam("2026-11-29T19:00"))).toEqual(sunday);
  });

  it("a level above may not be due before the level below it", () => {
    const ok = { COMMUNE: "1 17:00", DISTRICT: "2 17:00", PROVINCE: "2 17:00", MINISTRY: "4 09:00" };
    expect(dueSettingsProblem(ok)).toBeNull();
    expect(dueSettingsProblem({ ...ok, DISTRICT: "1 16:00" })).toMatch(/REPORT_DUE_DISTRICT \(1 16:00\) sớm hơn/);
  });

  it("settings are read from the environment and checked", () => {
    expect(parseEnv({}).REPORT_DUE_COMMUNE).toBe("1 17:00");
    expect(() => parseEnv({ REPORT_DUE_COMMUNE: "Monday 5pm" })).toThrow(/REPORT_DUE_COMMUNE: hạn báo cáo có dạng/);
    expect(() => parseEnv({ REPORT_DUE_COMMUNE: "1 24:00" })).toThrow(/REPORT_DUE_COMMUNE/);
    expect(() => parseEnv({ REPORT_DUE_PROVINCE: "1 08:00" })).toThrow(/REPORT_DUE_PROVINCE \(1 08:00\) sớm hơn/);
    expect(() => parseEnv({ SMTP_URL: "mail.example.vn" })).toThrow(/SMTP_URL/);
  });
});
