import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { localSmtp } from "../setup/local-smtp";
import { E2E_DB_PORT } from "./ports";
import { httpClient, signedInPage, signInPage } from "./staff";

// A late commune is reminded: a notice when its officer signs in, and an e-mail that reaches
// a real (local) SMTP server from the cron command `reminders send`. Nobody in the demo has
// submitted a report, so every commune is late with the latest week that fell due.

const run = promisify(execFile);
const smtp = localSmtp();
const { mailsTo } = smtp;
let smtpUrl = "";

test.beforeAll(async () => {
  smtpUrl = await smtp.start();
});
test.afterAll(async () => {
  await smtp.stop();
});

/** `npm run cli -- reminders send` on the browser tests' database (shared with the running product). */
async function sendReminders(baseURL: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "reminders", "send"],
    {
      env: {
        ...process.env,
        DATABASE_URL: "",
        EMBEDDED_DB_DIR: ".data/e2e-postgres",
        EMBEDDED_DB_PORT: E2E_DB_PORT,
        SMTP_URL: smtpUrl,
        MAIL_FROM: "Đề án 06 <khong-tra-loi@congan.example.vn>",
        PUBLIC_URL: baseURL,
      },
      timeout: 120_000,
    },
  );
  return stdout;
}

test("a late commune gets a notice at sign-in and an e-mail; its province sees it late", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const anonymous = await httpClient(baseURL as string);
  const ranking = await anonymous.get("/api/v1/rankings?indicator=CCCD_INTAKE&level=commune&parent=01");
  const { items } = (await ranking.json()) as { items: { code: string; name: string }[] };
  const commune = [...items].sort((a, b) => a.code.localeCompare(b.code))[9] as { code: string; name: string };

  // The province admin creates the officer, then gives the address on the accounts page.
  const admin = await httpClient(baseURL as string, "quantri.hanoi");
  const username = `xa.tre.han.${Date.now()}`;
  const address = `${username}@congan.example.vn`;
  const created = await admin.post("/api/v1/users", {
    data: { action: "create", username, displayName: "Cán bộ xã trễ hạn", role: "COMMUNE_OFFICER", unit: commune.code },
  });
  expect(created.status()).toBe(200);
  const password = ((await created.json()) as { password: string }).password;
  const wrong = await admin.post("/api/v1/users", {
    data: { action: "set-email", username, email: "khong-phai-email" },
  });
  expect(wrong.status()).toBe(400);
  expect(await wrong.text()).toContain("Địa chỉ e-mail không hợp lệ");
  const adminPage = await signedInPage(browser, "quantri.hanoi");
  await adminPage.goto("/tai-khoan");
  const row = adminPage.locator(`tr[data-user="${username}"]`);
  await row.getByLabel(`E-mail nhắc báo cáo của ${username}`).fill(address);
  await row.getByRole("button", { name: "Lưu" }).click();
  await expect(adminPage.getByText(`Đã lưu e-mail nhắc báo cáo của ${username}.`)).toBeVisible();

  // The cron command e-mails the officer once, however often it runs.
  const first = await sendReminders(baseURL as string);
  expect(first).toMatch(/Đã gửi \d+ thư nhắc gửi báo cáo/);
  const [mail] = mailsTo(address);
  expect(mail?.subject).toMatch(/^\[Đề án 06\] .+ chưa gửi báo cáo tuần kết thúc \d{2}\/\d{2}\/\d{4}$/);
  expect(mail?.subject).toContain(commune.name);
  expect(mail?.text).toContain("Kính gửi Cán bộ xã trễ hạn,");
  const week = /nhap-lieu\?week=(\d{4}-\d{2}-\d{2})/.exec(mail?.text ?? "")?.[1];
  expect(week).toBeDefined();
  expect(mail?.text).toContain(`${baseURL}/nhap-lieu?week=${week}`);
  await sendReminders(baseURL as string);
  expect(mailsTo(address)).toHaveLength(1);

  // Signing in, the officer sees the same reminder, and it opens that week.
  const page = await signInPage(browser, username, password);
  await page.getByLabel("Mật khẩu đang dùng").fill(password);
  await page.getByLabel("Mật khẩu mới (ít nhất 10 ký tự)").fill("nhac-bao-cao-2026");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("nhac-bao-cao-2026");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page).toHaveURL(/\/nhap-lieu/);
  const notice = page.getByRole("region", { name: "Nhắc báo cáo quá hạn" });
  await expect(notice).toContainText((mail?.subject ?? "").replace("[Đề án 06] ", ""));
  await expect(notice).toContainText(/Hạn gửi là \d{2}:\d{2} .+ \d{2}\/\d{2}\/\d{4} và đã qua\./);
  await page.screenshot({ path: "test-reports/screenshots/late-report-notice.png", fullPage: true });
  // The link names the overdue week it opens, not "this week".
  await notice.getByRole("link", { name: /^Mở báo cáo tuần kết thúc \d{2}\/\d{2}\/\d{4}/ }).click();
  await expect(page).toHaveURL(new RegExp(`week=${week}`));

  // The province's dashboard lists the commune among the late ones, with the due times.
  await adminPage.goto(`/dieu-hanh?date=${week}`);
  // Beyond the first ten, late units fold under "show all": the section holds them all.
  const late = adminPage.getByRole("region", { name: /^Báo cáo tuần kết thúc/ });
  await expect(late).toContainText(commune.name);
  await expect(adminPage.getByText(/^Hạn gửi \d{2}:\d{2} .+ · hạn duyệt/)).toBeVisible();
  await expect(adminPage.getByRole("region", { name: "Nhắc báo cáo quá hạn" })).toContainText(
    "đơn vị chưa gửi báo cáo",
  );
  await adminPage.screenshot({ path: "test-reports/screenshots/late-report-dashboard.png", fullPage: true });
  await page.context().close();
  await adminPage.context().close();
});

test("a leader's weekly digest arrives once, with the scope's written report attached", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const ministry = await httpClient(baseURL as string, "quantri.bo");
  const address = `lanhdao.hanoi.${Date.now()}@congan.example.vn`;
  const set = await ministry.post("/api/v1/users", {
    data: { action: "set-email", username: "lanhdao.hanoi", email: address },
  });
  expect(set.status()).toBe(200);
  const first = await sendReminders(baseURL as string);
  expect(first).toMatch(/\d+ báo cáo tuần cho lãnh đạo/);
  await sendReminders(baseURL as string);
  const digests = mailsTo(address).filter((m) => m.attachments.length > 0);
  expect(digests).toHaveLength(1);
  const [digest] = digests;
  expect(digest?.subject).toMatch(/^\[Đề án 06\] Kết quả thực hiện Đề án 06 tuần từ ngày \d{2}\/\d{2}\/\d{4}/);
  expect(digest?.text).toContain("Kính gửi");
  expect(digest?.text).toMatch(/^1\. .+Thành phố Hà Nội: báo cáo đính kèm/m);
  expect(digest?.text).toMatch(/^5\. /m);
  const [attachment] = digest?.attachments ?? [];
  expect(attachment?.filename).toMatch(/^bao-cao-tuan-01-\d{4}-\d{2}-\d{2}\.docx$/);
  expect(attachment?.content.subarray(0, 2).toString("latin1")).toBe("PK");
  await ministry.dispose();
});
