import "server-only";
import type { DueSettings } from "@/lib/calendar/due-times";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReminderKind } from "@/lib/generated/prisma/enums";

/** What a run of the weekly mails (reminders, summaries, digests) is told. */
export type MailRunOptions = {
  now: Date;
  settings: DueSettings;
  publicUrl?: string;
  dryRun?: boolean;
  onProgress?: (line: string) => void;
};

/**
 * Claims one mail (a user, a week, a kind) in reminder_sent before it goes out: false when an
 * earlier or overlapping run already has, so nobody gets it twice.
 */
export async function claimMail(
  prisma: PrismaClient,
  userId: number,
  week: Date,
  kind: ReminderKind,
): Promise<boolean> {
  const claimed = await prisma.$executeRaw`
    INSERT INTO reminder_sent (user_id, week, kind) VALUES (${userId}::int, ${week}::date, ${kind}::"ReminderKind")
    ON CONFLICT DO NOTHING`;
  return claimed > 0;
}

/** Gives a claimed mail back after it failed, for the next run to send. */
export async function releaseMail(prisma: PrismaClient, userId: number, week: Date, kind: ReminderKind): Promise<void> {
  await prisma.reminderSent.delete({ where: { userId_week_kind: { userId, week, kind } } });
}
