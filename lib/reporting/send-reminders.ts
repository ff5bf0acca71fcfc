import "server-only";
import { isMailbox, toActor } from "@/lib/auth/users";
import type { DueSettings } from "@/lib/calendar/due-times";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReminderKind } from "@/lib/generated/prisma/enums";
import { type Mailer, oneLine } from "@/lib/mail/mailer";
import {
  actorUnit,
  approvalNotice,
  approves,
  ownLateNotice,
  readsLevelBelow,
  reportingBelow,
  scopeName,
} from "./lateness";
import { claimMail, type MailRunOptions, releaseMail } from "./mail-claims";
import { noticeText, type ReminderText, summaryText } from "./reminder-text";

/** The reminders of this run (the weekly digest is sent by lib/weekly-report/send-digests.ts). */
type Reminder = Exclude<ReminderKind, "DIGEST">;

export type ReminderRun = {
  /** Accounts with an e-mail address that were looked at. */
  users: number;
  sent: Record<Reminder, number>;
  /** Already sent by an earlier run. */
  skipped: number;
  failed: { username: string; kind: ReminderKind; error: string }[];
};

type Pending = { kind: Reminder; week: string; text: ReminderText; link: string };

/**
 * E-mails what is late at `now` to every active account with an address: a unit that has not
 * submitted the latest week that fell due gets a reminder; the level above gets the week's
 * summary of its children once its own approval time has passed, with what still waits for
 * it. Each is claimed in reminder_sent before it goes out, so runs may repeat (cron) or
 * overlap and nobody gets one twice; a mail that fails is released for the next run.
 */
export async function sendReminders(
  prisma: PrismaClient,
  mailer: Mailer,
  options: MailRunOptions,
): Promise<ReminderRun> {
  const run: ReminderRun = { users: 0, sent: { SUBMIT: 0, SUMMARY: 0 }, skipped: 0, failed: [] };
  const users = await prisma.appUser.findMany({
    where: { email: { not: null }, disabled: false },
    select: { id: true, username: true, displayName: true, role: true, unitId: true, email: true },
    orderBy: { id: "asc" },
  });
  for (const user of users) {
    run.users++;
    for (const mail of await pendingFor(prisma, toActor(user), options)) {
      const week = new Date(`${mail.week}T00:00:00Z`);
      // An address stored before addresses were checked strictly is never offered to the
      // SMTP server (which would refuse it on every run): it is reported until corrected.
      if (!isMailbox(user.email as string)) {
        const error = `địa chỉ e-mail "${oneLine(user.email as string).slice(0, 80)}" không hợp lệ; sửa ở trang Tài khoản`;
        run.failed.push({ username: user.username, kind: mail.kind, error });
        options.onProgress?.(`  ✗ ${user.username}: ${error}`);
        continue;
      }
      if (options.dryRun) {
        options.onProgress?.(`  (thử) ${user.email}: ${mail.text.title}`);
        run.sent[mail.kind]++;
        continue;
      }
      const claimed = await claimMail(prisma, user.id, week, mail.kind);
      if (!claimed) {
        run.skipped++;
        continue;
      }
      try {
        await mailer.send({
          to: user.email as string,
          subject: `[Đề án 06] ${oneLine(mail.text.title)}`,
          text: body(user.displayName, mail, options.publicUrl),
        });
        run.sent[mail.kind]++;
        options.onProgress?.(`  ✓ ${user.email}: ${mail.text.title}`);
      } catch (error) {
        await releaseMail(prisma, user.id, week, mail.kind);
        const message = error instanceof Error ? error.message : String(error);
        run.failed.push({ username: user.username, kind: mail.kind, error: message });
        options.onProgress?.(`  ✗ ${user.email}: ${message}`);
      }
    }
  }
  return run;
}

async function pendingFor(
  prisma: PrismaClient,
  actor: ReturnType<typeof toActor>,
  options: { now: Date; settings: DueSettings },
): Promise<Pending[]> {
  const { now, settings } = options;
  const unit = await actorUnit(prisma, actor);
  const pending: Pending[] = [];
  const own = await ownLateNotice(prisma, actor, unit, now, settings);
  if (own) pending.push({ kind: "SUBMIT", week: own.week, text: noticeText(own), link: `/nhap-lieu?week=${own.week}` });
  if (readsLevelBelow(actor, unit)) {
    // The summary and what waits for the approver come from the same reports.
    const reporting = await reportingBelow(prisma, unit, now, settings);
    if (reporting.units.length) {
      const summary = summaryText(scopeName(unit), reporting);
      const waiting = approves(actor, unit) ? approvalNotice(reporting, unit) : null;
      pending.push({
        kind: "SUMMARY",
        week: reporting.week,
        text: waiting ? { title: summary.title, lines: [...noticeText(waiting).lines, "", ...summary.lines] } : summary,
        link: `/dieu-hanh?date=${reporting.week}`,
      });
    }
  }
  return pending;
}

/**
 * The mail's text. Names (the user's, units') are written on one line whatever they hold:
 * a line break inside one never adds lines to the body.
 */
function body(name: string, mail: Pending, publicUrl: string | undefined): string {
  return [
    `Kính gửi ${oneLine(name)},`,
    "",
    oneLine(mail.text.title),
    ...mail.text.lines.map(oneLine),
    "",
    publicUrl ? `Mở trên hệ thống: ${new URL(mail.link, publicUrl).toString()}` : "",
    "",
    "Thư tự động của hệ thống theo dõi Đề án 06; không trả lời thư này.",
  ].join("\n");
}
