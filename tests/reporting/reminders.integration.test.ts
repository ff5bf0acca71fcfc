import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, toActor } from "@/lib/auth/users";
import { type DueSettings, latestDueWeek } from "@/lib/calendar/due-times";
import { changeReportStatus } from "@/lib/entry/report-status";
import { smtpMailer } from "@/lib/mail/mailer";
import { childrenReporting, lateNotices } from "@/lib/reporting/lateness";
import { sendReminders } from "@/lib/reporting/send-reminders";
import { requestId } from "../setup/actors";
import { connectTestDatabase } from "../setup/database";
import { day, loadSmallWorld } from "../setup/fixtures";
import { localSmtp } from "../setup/local-smtp";

// The small world (see fixtures): every commune has figures for the week ending 30/04/2023,
// 00003 none for the week before. Due: communes Monday 17:00, districts Tuesday, provinces
// Wednesday, the ministry Thursday.
const prisma = connectTestDatabase();
const SETTINGS: DueSettings = { COMMUNE: "1 17:00", DISTRICT: "2 17:00", PROVINCE: "3 17:00", MINISTRY: "4 17:00" };
const vietnam = (local: string) => new Date(`${local}+07:00`);
const FRIDAY = vietnam("2023-05-05T09:00");

const smtp = localSmtp();
const { inbox, mailsTo } = smtp;
let smtpUrl = "";

async function user(
  username: string,
  role: Parameters<typeof createUser>[1]["role"],
  unit: string | undefined,
  email?: string,
) {
  const created = await createUser(prisma, {
    username,
    displayName: `Cán bộ ${username}`,
    password: "mat-khau-du-dai-1",
    role,
    unitCode: unit,
    unitOn: day("2023-04-30"),
    email,
  });
  return toActor(created);
}

beforeAll(async () => {
  await loadSmallWorld(prisma);
  smtpUrl = await smtp.start();
});

afterAll(async () => {
  await smtp.stop();
});

describe("late reports: notices, reminders and summaries", () => {
  it("the notice is for the latest week that fell due, and moves on at the due minute", async () => {
    const xa = await user("xa.00001", "COMMUNE_OFFICER", "00001", "xa1@donvi.vn");
    const before = await lateNotices(prisma, xa, vietnam("2023-05-01T16:59"), SETTINGS);
    expect(before).toEqual([
      expect.objectContaining({ kind: "SUBMIT", week: "2023-04-23", unit: "Xã X00001", state: "NOT_SUBMITTED" }),
    ]);
    const after = await lateNotices(prisma, xa, vietnam("2023-05-01T17:00"), SETTINGS);
    expect(after).toEqual([expect.objectContaining({ kind: "SUBMIT", week: "2023-04-30" })]);
    expect(latestDueWeek(SETTINGS.COMMUNE, vietnam("2023-05-01T17:00"))).toEqual(day("2023-04-30"));
  });

  it("a submitted report is late only once the level above's approval time has passed", async () => {
    const xa2 = await user("xa.00002", "COMMUNE_OFFICER", "00002", "xa2@donvi.vn");
    await changeReportStatus(prisma, xa2, {
      requestId: requestId(),
      unit: "00002",
      week: "2023-04-30",
      action: "submit",
    });
    expect(await lateNotices(prisma, xa2, FRIDAY, SETTINGS)).toEqual([]);

    const district = await prisma.unit.findFirstOrThrow({ where: { code: "001" } });
    const monday = await childrenReporting(prisma, district, day("2023-04-30"), vietnam("2023-05-01T18:00"), SETTINGS);
    expect(monday.units.map((u) => [u.code, u.state, u.late])).toEqual([
      ["00001", "NOT_SUBMITTED", true],
      ["00002", "SUBMITTED", false],
    ]);
    expect(monday.approveDue).toBe(vietnam("2023-05-02T17:00").toISOString());
    const wednesday = await childrenReporting(
      prisma,
      district,
      day("2023-04-30"),
      vietnam("2023-05-03T08:00"),
      SETTINGS,
    );
    expect(wednesday.units.map((u) => u.late)).toEqual([true, true]);
    expect(wednesday.counts).toEqual({ total: 2, withFigures: 2, submitted: 1, approved: 0, late: 2 });

    // The 00003 week with no figures at all reads "not reported".
    const a2 = await prisma.unit.findFirstOrThrow({ where: { code: "002" } });
    const empty = await childrenReporting(prisma, a2, day("2023-04-23"), FRIDAY, SETTINGS);
    expect(empty.units.map((u) => u.state)).toEqual(["NOT_REPORTED"]);
  });

  it("e-mails each late unit and the level above once, however often it runs", async () => {
    await user("huyen.001", "DISTRICT_OFFICER", "001", "huyen@donvi.vn");
    await user("lanhdao.01", "LEADERSHIP_VIEWER", "01", "lanhdao@donvi.vn");
    await user("xa.00003", "COMMUNE_OFFICER", "00003"); // no address: notices only
    const gone = await user("xa.cu", "COMMUNE_OFFICER", "00003", "nghi@donvi.vn");
    await prisma.appUser.update({ where: { id: gone.id }, data: { disabled: true } });

    const mailer = smtpMailer(smtpUrl, "Đề án 06 <khong-tra-loi@donvi.vn>");
    const options = { now: FRIDAY, settings: SETTINGS, publicUrl: "https://de-an-06.example.vn" };
    const first = await sendReminders(prisma, mailer, options);
    expect(first).toMatchObject({ users: 4, sent: { SUBMIT: 2, SUMMARY: 2 }, skipped: 0, failed: [] });
    expect(inbox.map((m) => m.to && "text" in m.to && m.to.text).sort()).toEqual([
      "huyen@donvi.vn",
      "huyen@donvi.vn",
      "lanhdao@donvi.vn",
      "xa1@donvi.vn",
    ]);

    const [toCommune] = mailsTo("xa1@donvi.vn");
    expect(toCommune?.subject).toBe("[Đề án 06] Xã X00001 chưa gửi báo cáo tuần kết thúc 30/04/2023");
    expect(toCommune?.text).toContain("Hạn gửi là 17:00 thứ Hai, 01/05/2023 và đã qua.");
    expect(toCommune?.text).toContain("https://de-an-06.example.vn/nhap-lieu?week=2023-04-30");
    expect(toCommune?.from?.text).toContain("khong-tra-loi@donvi.vn");

    const summary = mailsTo("huyen@donvi.vn").find((m) => m.subject?.includes("Tổng hợp"));
    expect(summary?.subject).toBe("[Đề án 06] Tổng hợp báo cáo tuần kết thúc 30/04/2023 – Huyện A1");
    expect(summary?.text).toContain("1 báo cáo chờ phê duyệt: Xã X00002.");
    expect(summary?.text).toContain("1 đơn vị chưa gửi báo cáo: Xã X00001.");
    expect(summary?.text).toContain("2 đơn vị: có số liệu 2, đã gửi 1, đã duyệt 0.");
    expect(mailsTo("huyen@donvi.vn").some((m) => m.subject?.includes("Huyện A1 chưa gửi báo cáo"))).toBe(true);
    const province = mailsTo("lanhdao@donvi.vn")[0];
    expect(province?.text).toContain("– Huyện A1: có số liệu, chưa gửi");
    expect(province?.text).toContain("– Huyện A2: có số liệu, chưa gửi");

    const again = await sendReminders(prisma, mailer, options);
    expect(again).toMatchObject({ sent: { SUBMIT: 0, SUMMARY: 0 }, skipped: 4, failed: [] });
    expect(inbox).toHaveLength(4);
    mailer.close();
  });

  it("a mail the SMTP server never took is sent by the next run", async () => {
    await user("xa.00003.moi", "COMMUNE_OFFICER", "00003", "xa3@donvi.vn");
    const dead = smtpMailer("smtp://127.0.0.1:9", "Đề án 06 <khong-tra-loi@donvi.vn>");
    const failed = await sendReminders(prisma, dead, { now: FRIDAY, settings: SETTINGS });
    dead.close();
    expect(failed.failed).toEqual([expect.objectContaining({ username: "xa.00003.moi", kind: "SUBMIT" })]);
    expect(await prisma.reminderSent.count({ where: { user: { username: "xa.00003.moi" } } })).toBe(0);

    const live = smtpMailer(smtpUrl, "Đề án 06 <khong-tra-loi@donvi.vn>");
    const retried = await sendReminders(prisma, live, { now: FRIDAY, settings: SETTINGS });
    live.close();
    expect(retried).toMatchObject({ sent: { SUBMIT: 1, SUMMARY: 0 }, failed: [] });
    expect(mailsTo("xa3@donvi.vn")).toHaveLength(1);
  });
  it("a name with line breaks adds no lines to the mail; an address stored unchecked is never sent to", async () => {
    const injected = await user("xa.00003.ten", "COMMUNE_OFFICER", "00003", "ten3@donvi.vn");
    // Stored before names were checked: a line break and markup inside the name.
    await prisma.appUser.update({
      where: { id: injected.id },
      data: { displayName: "Nguyễn A\r\nBcc: ke-gian@evil.example\r\n\r\n<b>Thư giả</b>\u2028X" },
    });
    const bad = await user("xa.00003.sai", "COMMUNE_OFFICER", "00003", "sai3@donvi.vn");
    await prisma.appUser.update({ where: { id: bad.id }, data: { email: "x@[127.0.0.1].vn" } });

    const mailer = smtpMailer(smtpUrl, "Đề án 06 <khong-tra-loi@donvi.vn>");
    const run = await sendReminders(prisma, mailer, { now: FRIDAY, settings: SETTINGS });
    const again = await sendReminders(prisma, mailer, { now: FRIDAY, settings: SETTINGS });
    mailer.close();

    const [mail] = mailsTo("ten3@donvi.vn");
    const lines = (mail?.text ?? "").split(/\r\n|\r|\n|\u2028/);
    expect(lines[0]).toBe("Kính gửi Nguyễn A Bcc: ke-gian@evil.example <b>Thư giả</b> X,");
    expect(lines.filter((l) => /Bcc:|Thư giả/.test(l))).toHaveLength(1);
    expect(mail?.bcc).toBeUndefined();

    for (const r of [run, again])
      expect(r.failed).toEqual([
        {
          username: "xa.00003.sai",
          kind: "SUBMIT",
          error: 'địa chỉ e-mail "x@[127.0.0.1].vn" không hợp lệ; sửa ở trang Tài khoản',
        },
      ]);
    expect(inbox.some((m) => m.to && "text" in m.to && m.to.text.includes("127.0.0.1"))).toBe(false);
    expect(await prisma.reminderSent.count({ where: { userId: bad.id } })).toBe(0);
  });
});
