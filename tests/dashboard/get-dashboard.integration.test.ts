import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorAt } from "../setup/actors";
import { connectTestDatabase, resetDatabase } from "../setup/database";
import { loadSmallFigures, loadSmallStructure, loadSmallWorld } from "../setup/fixtures";

// Small structure (see fixtures) on 2023-04-30: 001 = 00001 (400) + 00002 (250) = 650 of 600;
// 002 = 00003 (400) of 400; 01 = 1050 of 1000. 02 reported 520 itself; 03 = 200; 04 = 1050.
const prisma = connectTestDatabase();

beforeAll(async () => {
  await loadSmallWorld(prisma);
});

describe("leadership dashboard", () => {
  it("a province's headline, children ranked and the week's completeness", async () => {
    const viewer = await actorAt(prisma, "LEADERSHIP_VIEWER", "01");
    const d = await getDashboard(prisma, viewer, { indicator: "CCCD_INTAKE", date: "2023-04-30" });
    expect(d.scope).toEqual({ code: "01", name: "Tỉnh Alpha", parentCode: null });
    expect(d.headline).toMatchObject({ value: 1050, target: 1000, childrenDone: 2, childrenTotal: 2, atRisk: 0 });
    expect(d.headline.percent).toBeCloseTo(105, 6);
    expect(d.children.map((c) => [c.code, c.value])).toEqual([
      ["001", 650],
      ["002", 400],
    ]);
    expect(d.completeness.counts).toMatchObject({ total: 2, withFigures: 2, submitted: 0, late: 2 });
    // Figures saved, nothing submitted, and the due times of 2023 are long past.
    expect(d.completeness.units.map((u) => [u.code, u.state, u.late])).toEqual([
      ["001", "NOT_SUBMITTED", true],
      ["002", "NOT_SUBMITTED", true],
    ]);
    expect(d.points.at(-1)).toEqual({ asOf: "2023-04-30", value: 1050 });

    // The week after, nobody in Alpha reported.
    const next = await getDashboard(prisma, viewer, { indicator: "CCCD_INTAKE", date: "2023-05-07" });
    expect(next.completeness.units.filter((u) => u.state === "NOT_REPORTED").map((u) => u.code)).toEqual([
      "001",
      "002",
    ]);
  });

  it("the country: the provinces summed, against the sum of their targets, with a forecast line", async () => {
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    const d = await getDashboard(prisma, ministry, { indicator: "CCCD_INTAKE", date: "2023-04-30" });
    expect(d.scope.name).toBe("Toàn quốc");
    // 1050 + 520 + 200 + 1050 against 1000 + 500 + 400 + 1000 (03's cut to 200 comes on 1 May).
    expect(d.headline).toMatchObject({ value: 2820, target: 2900, deadline: "2023-06-30", childrenTotal: 4 });
    expect(d.children).toHaveLength(4);
    // Pace over 4 weeks: 2820 − (100 + 50 + 100 + 100 + 40 + 250 = 640 on 2 April) = 2180, so it reaches 2900 early.
    expect(d.forecast[0]).toEqual({ asOf: "2023-04-30", value: 2820 });
    expect(d.forecast[1]?.asOf).toBe("2023-06-30");
    expect(d.headline.forecastOn && d.headline.forecastOn < "2023-06-30").toBe(true);
  });

  it("opened with no date, the reports of the latest week that fell due, its late units named; today's week beside it", async () => {
    // Monday 8 May 2023: the week ending 7 May is not due yet (districts submit by Tuesday
    // 17:00, provinces by Wednesday's), the week ending 30 April is, and nobody submitted it.
    const monday = new Date("2023-05-08T10:00+07:00");
    const viewer = await actorAt(prisma, "LEADERSHIP_VIEWER", "01");
    const d = await getDashboard(prisma, viewer, { indicator: "CCCD_INTAKE" }, monday);
    expect(d.asOf).toBe("2023-05-08");
    expect(d.completeness).toMatchObject({ week: "2023-04-30", submitPassed: true });
    expect(d.completeness.counts.late).toBe(2);
    expect(d.completeness.units.filter((u) => u.late).map((u) => u.name)).toEqual(["Huyện A1", "Huyện A2"]);
    expect(d.currentWeek).toMatchObject({ week: "2023-05-07", submitPassed: false });
    expect(d.currentWeek?.counts.late).toBe(0);

    const ministry = await actorAt(prisma, "LEADERSHIP_VIEWER", null);
    const country = await getDashboard(prisma, ministry, {}, monday);
    expect(country.completeness).toMatchObject({ week: "2023-04-30", submitPassed: true });
    expect(country.completeness.units.filter((u) => u.late).map((u) => u.code)).toEqual(["01", "02", "03", "04"]);
    expect(country.completeness.units.every((u) => u.name.length > 0)).toBe(true);

    // A date in the address still shows that date's own week.
    const asked = await getDashboard(prisma, viewer, { date: "2023-05-08" }, monday);
    expect([asked.completeness.week, asked.completeness.submitPassed, asked.currentWeek]).toEqual([
      "2023-05-07",
      false,
      null,
    ]);
  });

  it("stays within the viewer's scope", async () => {
    const district = await actorAt(prisma, "DISTRICT_OFFICER", "001");
    await expect(getDashboard(prisma, district, { unit: "02" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDashboard(prisma, district, { unit: "01" })).rejects.toBeInstanceOf(ForbiddenError);
    const own = await getDashboard(prisma, district, { date: "2023-04-30" });
    expect(own.children.map((c) => c.code)).toEqual(["00001", "00002"]);
  });
});

describe("the dashboard for any account and any address", () => {
  it("opens for accounts on units that ended with the 2025 reorganisation, and sets aside a period it cannot read with a notice", async () => {
    await resetDatabase();
    await loadSmallStructure(prisma, true);
    await loadSmallFigures(prisma);
    for (const [role, code] of [
      ["DISTRICT_OFFICER", "001"],
      ["COMMUNE_OFFICER", "00001"],
      ["LEADERSHIP_VIEWER", "001"],
    ] as const) {
      const actor = await actorAt(prisma, role, code);
      const d = await getDashboard(prisma, actor, {});
      expect(d.scope.code, role).toBe(code);
      expect(d.asOf <= "2025-06-30", role).toBe(true);
    }
    const ministry = await actorAt(prisma, "MINISTRY_ADMIN", null);
    expect((await getDashboard(prisma, ministry, { unit: "001" })).scope.code).toBe("001");
    // A period the address names wrongly is set aside, said in a notice; the page still opens.
    for (const period of ["bogus", "month:2023-13", "quarter:9999-Q1", "week:2024-01-02", "x".repeat(200)]) {
      const d = await getDashboard(prisma, ministry, { period });
      expect(d.period, period).toBeNull();
      expect(d.notice, period).toMatch(/kỳ báo cáo|Chủ nhật|chưa đến|Năm của kỳ/i);
    }
    const earliest = await getDashboard(prisma, ministry, { period: "week:1901-01-06" });
    expect([earliest.period?.key, earliest.notice]).toEqual(["week:1901-01-06", null]);
    await expect(getDashboard(prisma, ministry, { unit: "99999" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
