import "server-only";
import nodemailer from "nodemailer";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

export type Mailer = { send(mail: Mail): Promise<void>; close(): void };

export type SmtpOptions = {
  /**
   * smtp:// only goes on when the server upgrades with STARTTLS: a server that does not offer
   * it (or a man in the middle that strips the offer) is refused, and no password or mail
   * crosses in plain text (SMTP_REQUIRE_TLS).
   */
  requireTLS?: boolean;
};

/**
 * Sends through the SMTP server at `url` (smtp://host:587 upgrades with STARTTLS when the
 * server offers it, or always with `requireTLS`; smtps://host:465 is TLS from the start).
 * Bounded waits: a dead server fails one mail in seconds instead of hanging the run. The waits
 * are options of the transport, next to its URL: given as message defaults (the second
 * argument), nodemailer never applies them to the connection.
 */
export function smtpMailer(url: string, from: string, options: SmtpOptions = {}): Mailer {
  const requireTLS = options.requireTLS === true;
  const transport = nodemailer.createTransport(
    { url, requireTLS, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          attachments: mail.attachments,
        });
      } catch (error) {
        if (requireTLS && (error as { code?: string }).code === "ETLS") {
          throw new Error(
            `Máy chủ SMTP không nâng cấp được lên TLS (STARTTLS) mà SMTP_REQUIRE_TLS bắt buộc; thư không được gửi. (${(error as Error).message})`,
            { cause: error },
          );
        }
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Text for one line of a mail (a subject, a name in a sentence): control characters and line
 * or paragraph separators become one space each run, so no name adds lines or headers.
 */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ");
}
