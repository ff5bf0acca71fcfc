import "server-only";
import { cookies } from "next/headers";

// The answer to a plain form sent without JavaScript: the action stores it for the page it
// redirects to, which shows it once. Short-lived, readable only by the server.

const FLASH_COOKIE = "de-an-06-thong-bao";

export type Flash = { kind: "ok" | "warn" | "error"; text: string };

export async function setFlash(notice: Flash, path: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify(notice), { httpOnly: true, sameSite: "lax", maxAge: 15, path });
}

/** The notice a redirecting action left, if any (and well-formed). */
export async function readFlash(): Promise<Flash | null> {
  const text = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!text) return null;
  try {
    const notice = JSON.parse(text) as { kind?: unknown; text?: unknown };
    const kind = notice.kind === "ok" || notice.kind === "warn" || notice.kind === "error" ? notice.kind : null;
    return kind && typeof notice.text === "string" ? { kind, text: notice.text.slice(0, 500) } : null;
  } catch {
    return null;
  }
}
