import "server-only";
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "./password";

// RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now still accepted: a phone's clock a little off, a code typed slowly. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Đề án 06";

/** Roles that must use a second factor whatever the setting says: they manage accounts and targets. */
const ALWAYS_REQUIRED: readonly Role[] = ["MINISTRY_ADMIN", "PROVINCE_ADMIN"];

/** Whether a role must enrol a second factor (the admins always; TOTP_REQUIRED_ROLES adds more). */
export function secondFactorRequired(role: Role): boolean {
  return ALWAYS_REQUIRED.includes(role) || env().TOTP_REQUIRED_ROLES.includes(role);
}

/** A new secret: 160 random bits (RFC 4226's recommended length), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, username = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The time step a moment falls in. */
export function timeStep(at = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a time step (for demo accounts' tests and enrolment checks). */
export function totpCode(secret: string, step = timeStep()): string {
  return totp(secret).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/**
 * The time step a six-digit code belongs to within the window around now, or null. The
 * caller still has to refuse a step at or before the last one accepted (replay).
 */
export function matchTotpStep(secret: string, code: string, at = Date.now()): number | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret).validate({ token: digits, timestamp: at, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(at) + delta;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The QR code of the address as an SVG drawn here (no outside service sees the secret). */
export function totpQrSvg(secret: string, username: string): Promise<string> {
  return QRCode.toString(totpUri(secret, username), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The secret in groups of four, easier to read and type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** Recovery codes look like "k7m2p-x9q4t": never six digits, so they cannot be taken for a TOTP code. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(normalizeRecoveryCode(input));
}

function normalizeRecoveryCode(input: string): string {
  return input.trim().toLowerCase().replace(/\s/g, "");
}

/** Ten new recovery codes and their hashes (scrypt, as passwords): the codes are shown once. */
export async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(randomBytes(10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  return { codes, hashes };
}

/** The stored hash a recovery code matches, or null (the dash is optional when typed). */
export async function matchRecoveryCode(input: string, hashes: readonly string[]): Promise<string | null> {
  const plain = normalizeRecoveryCode(input).replace("-", "");
  if (!/^[a-z0-9]{10}$/.test(plain)) return null;
  const code = `${plain.slice(0, 5)}-${plain.slice(5)}`;
  for (const hash of hashes) if (await verifyPassword(code, hash)) return hash;
  return null;
}
