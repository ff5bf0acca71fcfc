import "server-only";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// scrypt is memory-hard (N·r·128 bytes = 32 MiB per hash here) and ships with Node, so no
// native add-on has to build on the servers. Parameters are stored with each hash, so they
// can be raised later without invalidating existing passwords.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Spends the same time as a real check, so a missing account cannot be told by timing. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("không có tài khoản này");
  await verifyPassword(password, await dummyHash);
  return false;
}

/** The fewest characters of a password, not counting spaces at either end. */
export const PASSWORD_MIN_LENGTH = 10;

/**
 * Password rules shown to whoever sets one: at least PASSWORD_MIN_LENGTH characters once
 * spaces at either end are set aside (so ten spaces, or a short word padded with them, is
 * not a password), at most 200. The password itself is kept as typed.
 */
export function passwordProblem(password: string): string | null {
  const trimmed = password.trim();
  if (trimmed === "") return "Mật khẩu không được để trống hoặc chỉ gồm khoảng trắng.";
  if (trimmed.length < PASSWORD_MIN_LENGTH)
    return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không tính khoảng trắng ở đầu và cuối.`;
  if (password.length > 200) return "Mật khẩu dài quá 200 ký tự.";
  return null;
}

/** A random password for generated accounts: 16 characters that are easy to read aloud. */
export function randomPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join("");
}
