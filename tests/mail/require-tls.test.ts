import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "@/lib/mail/mailer";
import { localSmtp } from "../setup/local-smtp";

// SMTP_REQUIRE_TLS: an smtp:// server that does not upgrade with STARTTLS is refused instead of
// getting the mail (and any password) in plain text.
const FROM = "Đề án 06 <khong-tra-loi@donvi.vn>";
const plain = localSmtp(); // offers no STARTTLS
let plainUrl = "";

// One that offers STARTTLS, with smtp-server's own self-signed certificate, and notes whether
// each mail came over TLS.
const overTls: boolean[] = [];
const starttls = new SMTPServer({
  authOptional: true,
  logger: false, // and no warning about that certificate: it protects nothing but this test
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      overTls.push(session.secure);
      callback();
    });
  },
});
let starttlsUrl = "";

beforeAll(async () => {
  plainUrl = await plain.start();
  starttlsUrl = await new Promise<string>((resolve) =>
    starttls.listen(0, "127.0.0.1", () =>
      // The certificate is self-signed: trusted here only, through nodemailer's tls.* URL options.
      resolve(`smtp://127.0.0.1:${(starttls.server.address() as AddressInfo).port}?tls.rejectUnauthorized=false`),
    ),
  );
});

afterAll(async () => {
  await plain.stop();
  await new Promise<void>((resolve) => starttls.close(resolve));
});

describe("SMTP with requireTLS", () => {
  it("refuses a server that does not offer STARTTLS, with a clear error, and sends nothing", async () => {
    const mailer = smtpMailer(plainUrl, FROM, { requireTLS: true });
    try {
      await expect(mailer.send({ to: "xa1@donvi.vn", subject: "Không được gửi", text: "bản rõ" })).rejects.toThrow(
        /SMTP_REQUIRE_TLS/,
      );
    } finally {
      mailer.close();
    }
    expect(plain.mailsTo("xa1@donvi.vn")).toHaveLength(0);
  });

  it("without it, still sends to that server in plain text", async () => {
    const mailer = smtpMailer(plainUrl, FROM);
    try {
      await mailer.send({ to: "xa2@donvi.vn", subject: "Gửi được", text: "bản rõ" });
    } finally {
      mailer.close();
    }
    expect(plain.mailsTo("xa2@donvi.vn").map((m) => m.subject)).toEqual(["Gửi được"]);
  });

  it("sends over the upgraded connection when the server offers STARTTLS", async () => {
    const mailer = smtpMailer(starttlsUrl, FROM, { requireTLS: true });
    try {
      await mailer.send({ to: "xa3@donvi.vn", subject: "Qua TLS", text: "mã hoá" });
    } finally {
      mailer.close();
    }
    expect(overTls).toEqual([true]);
  });
});
