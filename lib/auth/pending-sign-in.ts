import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** The cookie that carries a sign-in between its password and its code (httpOnly, never read by scripts). */
export const PENDING_COOKIE = "de-an-06.sign-in-pending";
/** Minutes between a right password and its code before the password must be typed again. */
export const PENDING_MINUTES = 5;

export type PendingSignIn = { userId: number; sessionVersion: number };

function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET chưa được đặt: không ký được bước đăng nhập thứ hai.");
  // A key of its own, so a pending token can never pass for a session cookie or the reverse.
  return createHash("sha256").update(`sign-in-pending\0${secret}`).digest();
}

function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

/**
 * A signed note that this user gave the right password moments ago: the code step reads it
 * instead of the password. It names the user's session version, so a password reset or a
 * reset of the second factor in between makes it worthless; it expires in PENDING_MINUTES.
 */
export function pendingToken(pending: PendingSignIn, now = Date.now()): string {
  const body = Buffer.from(
    JSON.stringify({ u: pending.userId, v: pending.sessionVersion, e: now + PENDING_MINUTES * 60_000 }),
  ).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The pending sign-in a token names, or null when it is forged, altered or expired. */
export function readPendingToken(token: string | undefined, now = Date.now()): PendingSignIn | null {
  if (!token || token.length > 500) return null;
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, v, e } = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof u !== "number" || typeof v !== "number" || typeof e !== "number" || e <= now) return null;
    return { userId: u, sessionVersion: v };
  } catch {
    return null;
  }
}
