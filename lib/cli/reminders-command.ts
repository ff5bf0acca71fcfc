import "server-only";
import { db } from "@/lib/db/client";
import { env, reportDueSettings } from "@/lib/env";
import { smtpMailer } from "@/lib/mail/mailer";
import { sendReminders } from "@/lib/reporting/send-reminders";
import { sendDigests } from "@/lib/weekly-report/send-digests";

/**
 * `reminders send [--dry-run] [--at YYYY-MM-DDTHH:MM]`: e-mails late units and the weekly
 * summaries (lib/reporting/send-reminders.ts). Meant for cron, every hour or so: what was
 * sent is recorded, so a repeat sends only what became due since.
 */
export async function runReminders(args: string[], flags: { "dry-run"?: boolean; at?: string }): Promise<number> {
  if (args[0] !== "send") {
    console.error("Cách dùng: reminders send [--dry-run] [--at YYYY-MM-DDTHH:MM (giờ Việt Nam)]");
    return 2;
  }
  const now = flags.at ? new Date(`${flags.at}+07:00`) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`--at "${flags.at}" không phải thời điểm dạng YYYY-MM-DDTHH:MM.`);
    return 2;
  }
  const settings = env();
  if (!settings.SMTP_URL && !flags["dry-run"]) {
    console.error("SMTP_URL chưa được đặt (smtp://máy:cổng); chưa gửi được thư. Dùng --dry-run để xem sẽ gửi gì.");
    return 2;
  }
  const mailer = smtpMailer(settings.SMTP_URL ?? "smtp://localhost", settings.MAIL_FROM, {
    requireTLS: settings.SMTP_REQUIRE_TLS,
  });
  try {
    const options = {
      now,
      settings: reportDueSettings(),
      publicUrl: settings.PUBLIC_URL,
      dryRun: flags["dry-run"],
      onProgress: (line: string) => console.log(line),
    };
    const run = await sendReminders(db(), mailer, options);
    // The week's report for leadership, attached, once the ministry's approval time has passed.
    const digests = await sendDigests(db(), mailer, options);
    const verb = flags["dry-run"] ? "Sẽ gửi" : "Đã gửi";
    console.log(
      `${verb} ${run.sent.SUBMIT} thư nhắc gửi báo cáo, ${run.sent.SUMMARY} thư tổng hợp cho cấp trên và ${digests.sent} báo cáo tuần cho lãnh đạo (${run.users} tài khoản có e-mail; ${run.skipped + digests.skipped} thư đã gửi từ trước).`,
    );
    const failed = run.failed.length + digests.failed.length;
    if (failed) {
      console.error(`✗ ${failed} thư không gửi được; lần chạy sau sẽ gửi lại.`);
      return 1;
    }
    return 0;
  } finally {
    mailer.close();
  }
}
