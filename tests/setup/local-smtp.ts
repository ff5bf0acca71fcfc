import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for the reminder tests: every mail it takes is parsed
 * (subject and body decoded) into `inbox`.
 */
export function localSmtp() {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  return {
    inbox,
    /** The mails sent to one address. */
    mailsTo: (address: string) => inbox.filter((m) => m.to && "text" in m.to && m.to.text === address),
    /** Starts listening on a free port and answers the URL to give SMTP_URL. */
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () =>
          resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
