// 50 signed-in users saving figures at once over HTTP, as the entry page does: p50/p95 of a
// save, and a count of lost or duplicated writes checked against the database afterwards.

import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inForceOn } from "@/lib/units/in-force";
import { percentile } from "./stats";

const USERS = 50;
const PASSWORD = "bench-mat-khau-2026";

type Worker = { username: string; unit: string; cookie: string; value: number; version: number; acked: number };

export async function benchConcurrentSaves(
  prisma: PrismaClient,
  base: string,
  week: Date,
  seconds: number,
): Promise<string[]> {
  const communes = await prisma.$queryRaw<{ id: number; code: string; value: number; version: number }[]>`
    SELECT u.id, u.code, f.value, f.version FROM unit u
    JOIN figure f ON f.unit_id = u.id AND f.as_of = ${week}::date
      AND f.indicator_id = (SELECT id FROM indicator WHERE code = 'CCCD_INTAKE')
    WHERE u.level = 'COMMUNE' AND ${inForceOn("u", week)}
    ORDER BY u.code LIMIT ${USERS}`;
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now();
  const workers: Worker[] = [];
  for (const [i, c] of communes.entries()) {
    const username = `bench.${stamp}.${i}`;
    await prisma.appUser.create({
      data: { username, displayName: username, role: "COMMUNE_OFFICER", unitId: c.id, passwordHash },
    });
    workers.push({
      username,
      unit: c.code,
      cookie: await signIn(base, username),
      value: c.value,
      version: c.version,
      acked: 0,
    });
  }
  const startedAt = new Date(Date.now() - 1000);

  const latencies: number[] = [];
  let conflicts = 0;
  let failures = 0;
  let replays = 0;
  let firstFailure = "";
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    workers.map(async (w) => {
      while (performance.now() < until) {
        const body = JSON.stringify({
          requestId: randomUUID(),
          week: isoDate(week),
          entries: [{ unit: w.unit, indicator: "CCCD_INTAKE", value: w.value + 1, version: w.version }],
        });
        const post = () =>
          fetch(`${base}/api/v1/entry/figures`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: w.cookie, origin: base },
            body,
          });
        const t0 = performance.now();
        const response = await post();
        latencies.push(performance.now() - t0);
        const outcome = (await response.json()) as { status?: string; figures?: { value: number; version: number }[] };
        if (response.status === 200 && outcome.figures?.[0]) {
          w.value = outcome.figures[0].value;
          w.version = outcome.figures[0].version;
          w.acked++;
          // Every fifth save is sent again, as a retry after a timeout would: it must not count twice.
          if (w.acked % 5 === 0) {
            const again = (await (await post()).json()) as { replayed?: boolean };
            if (again.replayed) replays++;
          }
        } else if (response.status === 409) conflicts++;
        else {
          failures++;
          if (failures === 1) firstFailure = `${response.status} ${JSON.stringify(outcome).slice(0, 200)}`;
        }
      }
    }),
  );

  // Lost: the database holds something other than the last acknowledged value. Duplicated:
  // more audit entries than acknowledged saves.
  let lost = 0;
  let duplicated = 0;
  for (const w of workers) {
    const [row] = await prisma.$queryRaw<{ value: number; audits: bigint }[]>`
      SELECT f.value,
             (SELECT count(*) FROM audit_entry a WHERE a.actor = ${w.username} AND a.at >= ${startedAt} AND a.entity = 'figure') AS audits
      FROM figure f JOIN unit u ON u.id = f.unit_id
      WHERE u.code = ${w.unit} AND f.as_of = ${week}::date
        AND f.indicator_id = (SELECT id FROM indicator WHERE code = 'CCCD_INTAKE') AND ${inForceOn("u", week)}`;
    if (row?.value !== w.value) lost++;
    const audits = Number(row?.audits ?? 0);
    if (audits > w.acked) duplicated += audits - w.acked;
    if (audits < w.acked) lost += w.acked - audits;
  }
  const saves = workers.reduce((n, w) => n + w.acked, 0);
  return [
    `Lưu số liệu qua HTTP, ${workers.length} cán bộ đồng thời trong ${seconds} s: ${saves} lần lưu (${(saves / seconds).toFixed(0)}/s), ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    `  ghi mất ${lost}, ghi trùng ${duplicated} (mục tiêu 0 và 0); gửi lại ${replays} lần đều không ghi thêm; xung đột ${conflicts}; lỗi ${failures}${firstFailure ? ` (lỗi đầu: ${firstFailure})` : ""}`,
  ];
}

/**
 * Signs in through the product's own sign-in form endpoints; returns the session's cookie
 * header. An account with a second factor sends its current code (`code`) with the password.
 */
export async function signIn(base: string, username: string, password = PASSWORD, code = ""): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair as string).split("=");
      jar.set(name as string, rest.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ username, password, code, csrfToken, callbackUrl: "/nhap-lieu" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`Đăng nhập ${username} không thành công (${response.status}).`);
  return cookie();
}
