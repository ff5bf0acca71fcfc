import "server-only";
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

/**
 * Sends through the SMTP server at `url` (smtp://host:587 upgrades with STARTTLS when the
 * server offers it; smtps://host:465 is TLS from the start). Bounded waits: a dead server
 * fails one mail in seconds instead of hanging the run. The waits are options of the
 * transport, next to its URL: given as message defaults (the second argument), nodemailer
 * never applies them to the connection.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
