import { z } from "zod";
import { signedInRoute } from "@/lib/api/signed-in-route";
import { db } from "@/lib/db/client";
import { todayInVietnam } from "@/lib/format/dates";
import { dateField, optionalText, parseQuery, periodAsOf, periodField } from "@/lib/params/query-params";
import { weeklyReport } from "@/lib/weekly-report/weekly-report";

const REPORT_QUERY = z
  .object({
    unit: optionalText("Mã đơn vị; không có: toàn quốc (tài khoản cấp Bộ)."),
    period: periodField("Một kỳ báo cáo thay cho week."),
    week: dateField("week", "Ngày cuối tuần báo cáo (Chủ nhật), YYYY-MM-DD; mặc định hôm nay."),
  })
  .refine((q) => q.week === undefined || q.period === undefined, {
    path: ["period"],
    message: "Dùng week (một tuần) hoặc period (một kỳ báo cáo), không dùng cả hai.",
  });

/** GET ?unit=&week= (or period=): the written weekly report, a .docx, for a unit within the user's scope. */
export function GET(request: Request) {
  return signedInRoute(request, async (actor) => {
    const { unit, week, period } = parseQuery(REPORT_QUERY, new URL(request.url).searchParams);
    const asOf = period ? periodAsOf(period) : (week ?? todayInVietnam());
    const { fileName, body } = await weeklyReport(db(), { unit, asOf, period }, actor);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  });
}
