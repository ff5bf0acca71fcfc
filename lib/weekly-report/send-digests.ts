import "server-only";
import { isMailbox, toActor } from "@/lib/auth/users";
import { latestDueWeek } from "@/lib/calendar/due-times";
import { formatDay } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatsFor } from "@/lib/i18n/locale";
import { type Mailer, oneLine } from "@/lib/mail/mailer";
import { claimMail, type MailRunOptions, releaseMail } from "@/lib/reporting/mail-claims";
import type { ReportData } from "./report-data";
import { subject } from "./report-text";
import { weeklyReport } from "./weekly-report";

// The weekly digest: once the ministry's approval time for a week has passed, every
// leadership account with an e-mail address gets its scope's written report attached, with
// five lines in the body. Claimed in reminder_sent before it goes out, like the reminders:
// runs may repeat (cron) or overlap and nobody gets it twice; a mail that fails is released.

export type DigestRun = { sent: number; skipped: number; failed: { username: string; error: string }[] };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const f = formatsFor("vi");

export async function sendDigests(prisma: PrismaClient, mailer: Mailer, options: MailRunOptions): Promise<DigestRun> {
  const run: DigestRun = { sent: 0, skipped: 0, failed: [] };
  const week = latestDueWeek(options.settings.MINISTRY, options.now);
  const leaders = await prisma.appUser.findMany({
    where: { role: "LEADERSHIP_VIEWER", email: { not: null }, disabled: false },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, email: true },
    orderBy: { id: "asc" },
  });
  for (const user of leaders) {
    const email = user.email as string;
    if (!isMailbox(email)) {
      run.failed.push({ username: user.username, error: `địa chỉ e-mail không hợp lệ; sửa ở trang Tài khoản` });
      continue;
    }
    if (options.dryRun) {
      options.onProgress?.(`  (thử) ${email}: báo cáo tuần ${formatDay(week)}`);
      run.sent++;
      continue;
    }
    const claimed = await claimMail(prisma, user.id, week, "DIGEST");
    if (!claimed) {
      run.skipped++;
      continue;
    }
    try {
      const report = await weeklyReport(prisma, { asOf: week }, toActor(user), options.now);
      await mailer.send({
        to: email,
        subject: `[Đề án 06] ${oneLine(subject(report.data))}`,
        text: digestBody(user.displayName, report.data, options.publicUrl),
        attachments: [{ filename: report.fileName, content: report.body, contentType: DOCX }],
      });
      run.sent++;
      options.onProgress?.(`  ✓ ${email}: ${report.fileName}`);
    } catch (error) {
      await releaseMail(prisma, user.id, week, "DIGEST");
      const message = error instanceof Error ? error.message : String(error);
      run.failed.push({ username: user.username, error: message });
      options.onProgress?.(`  ✗ ${email}: ${message}`);
    }
  }
  return run;
}

/** The mail's body: a greeting, five lines of what the report says, where to read more. */
export function digestBody(name: string, data: ReportData, publicUrl: string | undefined): string {
  const scope = data.unit ? `${data.unit.type} ${data.unit.name}` : "toàn quốc";
  const first = data.results.find((r) => r.item && r.measure === "count");
  const headline = first?.item
    ? `${first.name}: ${f.count(first.item.value)}${first.item.percent !== null ? `, đạt ${f.percent(first.item.percent)} chỉ tiêu` : ""}${first.item.weeklyChange !== null ? `, tăng ${f.count(first.item.weeklyChange)} trong tuần` : ""}${first.item.rank !== null && first.of > 1 ? `; xếp thứ ${first.item.rank}/${first.of}` : ""}.`
    : "Chưa có số liệu trong tuần.";
  const reporting = data.reporting;
  const late = reporting ? reporting.units.filter((u) => u.late).length : 0;
  const atRisk = new Set(data.behind.flatMap((b) => b.items.map((i) => i.code))).size;
  const lines = [
    `1. ${oneLine(subject(data))} của ${oneLine(scope)}: báo cáo đính kèm (Word, dự thảo để hoàn thiện).`,
    `2. ${oneLine(headline)}`,
    `3. ${reporting ? `${late}/${reporting.counts.total} đơn vị trực thuộc chưa gửi hoặc chưa được duyệt báo cáo đúng hạn.` : "Không có đơn vị trực thuộc."}`,
    `4. ${atRisk} đơn vị trực thuộc có nguy cơ không đạt chỉ tiêu đúng hạn.`,
    `5. ${publicUrl ? `Xem chi tiết: ${new URL(`/dieu-hanh?date=${data.week.toISOString().slice(0, 10)}`, publicUrl)}` : "Xem chi tiết ở trang Điều hành của hệ thống."}`,
  ];
  return [
    `Kính gửi ${oneLine(name)},`,
    "",
    ...lines,
    "",
    "Thư tự động của hệ thống theo dõi Đề án 06; không trả lời thư này.",
  ].join("\n");
}
