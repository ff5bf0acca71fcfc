// What hostile or heavy traffic does to the running product: a parallel burst of wrong
// passwords, many distinct national rankings from many addresses (peak resident memory),
// the HTTP fuzz, and /api/v1/health while the worst-case upload is checked.

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { ACCOUNT_FAILURES_ALLOWED } from "@/lib/auth/login-limits";
import { hashPassword } from "@/lib/auth/password";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { addDays, isoDate } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_UPLOAD_ROWS } from "@/lib/imports/import-upload";
import { signIn } from "./concurrent-saves";
import { runHttpFuzz } from "./http-fuzz";
import { percentile } from "./stats";

export type AbuseScale = { burst: number; rankings: number; fuzz: number; attackSeconds: number; pages: number };
export const ABUSE_SCALES: Record<"full" | "smoke", AbuseScale> = {
  full: { burst: 200, rankings: 600, fuzz: 3000, attackSeconds: 60, pages: 4400 },
  smoke: { burst: 40, rankings: 40, fuzz: 300, attackSeconds: 10, pages: 150 },
};
const PASSWORD = "bench-mat-khau-2026";

/** The product runs as `pid` at `base`, trusting loopback as its proxy (so addresses can vary). */
export async function benchAbuse(
  prisma: PrismaClient,
  base: string,
  pid: number,
  until: Date,
  scale: AbuseScale,
): Promise<string[]> {
  const out = ["Tấn công và tải nặng:"];
  const passwordHash = await hashPassword(PASSWORD);
  const stamp = Date.now();
  const ministry = `bench.bo.${stamp}`;
  const target = `bench.nannhan.${stamp}`;
  // The ministry admin signs in with a second factor, as the product requires of its role.
  const ministrySecret = newTotpSecret();
  await prisma.appUser.create({
    data: {
      username: ministry,
      displayName: ministry,
      role: "MINISTRY_ADMIN",
      passwordHash,
      totpSecret: ministrySecret,
      totpEnabledAt: new Date(),
    },
  });
  await prisma.appUser.create({
    data: { username: target, displayName: target, role: "MINISTRY_ADMIN", passwordHash },
  });

  // 1. N wrong passwords at once for one account, from one address.
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await Promise.all(
    Array.from({ length: scale.burst }, (_, i) =>
      fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
        body: new URLSearchParams({ username: target, password: `sai-${i}`, csrfToken, callbackUrl: "/" }),
      }).then((r) => r.arrayBuffer()),
    ),
  );
  const checked = await prisma.loginAttempt.count({ where: { username: target } });
  out.push(
    `  ${scale.burst} mật khẩu sai song song cho một tài khoản: ${checked} lần được kiểm tra trước khi khoá ` +
      `(mục tiêu ≤ ${ACCOUNT_FAILURES_ALLOWED}) ${checked <= ACCOUNT_FAILURES_ALLOWED ? "✓" : "✗"}`,
  );
  // The burst also reached the address limit of 127.0.0.1: lift it for the steps below.
  await prisma.loginAttempt.deleteMany({ where: { username: target } });

  // 2. Distinct national commune rankings, 20 at a time, each from its own address.
  const statuses: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < scale.rankings) {
        const i = next++;
        const asOf = isoDate(addDays(until, -(i % 1000)));
        const level = i % 2 ? "commune" : "district";
        const response = await fetch(
          `${base}/api/v1/rankings?indicator=CCCD_INTAKE&level=${level}&asOf=${asOf}&limit=5000`,
          {
            headers: { "x-forwarded-for": `198.18.${(i >> 8) & 255}.${i & 255}`, "accept-encoding": "gzip" },
          },
        ).catch(() => null);
        await response?.arrayBuffer();
        const key = response ? String(response.status) : "không trả lời";
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }),
  );
  const peak = peakResidentMiB(pid);
  const alive = await fetch(`${base}/api/v1/health`).then(
    (r) => r.ok,
    () => false,
  );
  out.push(
    `  ${scale.rankings} xếp hạng toàn quốc khác nhau (ẩn danh, ${scale.rankings} địa chỉ): ${JSON.stringify(statuses)}; ` +
      `bộ nhớ thường trú cao nhất ${peak.toFixed(0)} MiB (mục tiêu ≤ 1536) ${peak <= 1536 ? "✓" : "✗"}; ` +
      `sau đó ${alive ? "vẫn trả lời ✓" : "KHÔNG trả lời ✗"}`,
  );

  // 3. The HTTP fuzz, anonymous and as the ministry.
  const cookie = await signIn(base, ministry, PASSWORD, totpCode(ministrySecret));
  const fuzz = await runHttpFuzz(base, [cookie], scale.fuzz);
  out.push(
    `  fuzz HTTP: ${fuzz.requests} yêu cầu, ${fuzz.serverErrors.length} lỗi 5xx/không trả lời (mục tiêu 0) ` +
      `${fuzz.serverErrors.length === 0 ? "✓" : "✗"}, ${fuzz.poisoned.length} trang bị đầu độc (mục tiêu 0) ` +
      `${fuzz.poisoned.length === 0 ? "✓" : "✗"}; theo mã: ${JSON.stringify(fuzz.byStatus)}`,
  );
  for (const failed of fuzz.serverErrors.slice(0, 3)) {
    out.push(
      `    ✗ ${failed.method} ${failed.path} ${JSON.stringify(failed.body?.toString("utf8").slice(0, 200) ?? "")}`,
    );
  }

  // 4. /api/v1/health every 20 ms while the worst upload the web takes is checked.
  const rows = ["unit_code,indicator,as_of,value"];
  for (let i = 1; i < MAX_UPLOAD_ROWS; i++) rows.push(`9${i},KHONG_CO,ngay-${i},x${i}`);
  const form = new FormData();
  form.set("kind", "figures");
  form.set("mode", "preview");
  form.set("requestId", randomUUID());
  form.set("file", new File([rows.join("\n")], "xau-nhat.csv"));
  const latencies: number[] = [];
  let uploading = true;
  const started = performance.now();
  const upload = fetch(`${base}/api/v1/imports`, { method: "POST", headers: { cookie, origin: base }, body: form })
    .then(async (r) => ({ status: r.status, body: (await r.json()) as { errorCount?: number } }))
    .finally(() => {
      uploading = false;
    });
  while (uploading) {
    const t0 = performance.now();
    await fetch(`${base}/api/v1/health`).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  const answer = await upload;
  const p95 = percentile(latencies, 95);
  out.push(
    `  kiểm tra tệp xấu nhất (${(MAX_UPLOAD_ROWS - 1).toLocaleString("vi-VN")} dòng lỗi): ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
      `trả lời ${answer.status} với ${answer.body.errorCount?.toLocaleString("vi-VN")} lỗi; ` +
      `/api/v1/health trong lúc đó p95 ${p95.toFixed(0)} ms (n=${latencies.length}, mục tiêu ≤ 200) ${p95 <= 200 ? "✓" : "✗"}`,
  );
  out.push(await pagePoisoning(base));
  out.push(await costlyRankingsAttack(base, until, scale.attackSeconds));
  out.push(await distinctPages(base, pid, until, scale.pages));
  await prisma.loginAttempt.deleteMany({ where: { username: { in: [ministry, target] } } });
  return out;
}

/** Headers by which Next answers something else than the page, each sent first for a public page. */
const PREFETCH_HEADERS: Record<string, string>[] = [
  { "x-middleware-prefetch": "1" },
  { rsc: "1" },
  { "next-router-prefetch": "1" },
  { "next-router-state-tree": "%5B%22%22%5D" },
  { purpose: "prefetch" },
  { "x-nextjs-data": "1" },
];

/** 5. Tries to make the page cache keep a prefetch's answer for the next anonymous visitor. */
async function pagePoisoning(base: string): Promise<string> {
  let tries = 0;
  let poisoned = 0;
  for (const path of ["/", "/units/01", "/?structure=63", "/units/79?lang=en"]) {
    for (const headers of PREFETCH_HEADERS) {
      const url = `${base}${path}${path.includes("?") ? "&" : "?"}p=${tries++}`;
      await fetch(url, { headers }).then(
        (r) => r.arrayBuffer(),
        () => null,
      );
      const page = await fetch(url);
      const html = await page.text();
      if (!/^text\/html/.test(page.headers.get("content-type") ?? "") || !/^<!DOCTYPE html>/i.test(html)) poisoned++;
    }
  }
  return `  đầu độc bộ nhớ đệm trang (${tries} lần, ${PREFETCH_HEADERS.length} kiểu tiêu đề): ${poisoned} trang bị đầu độc (mục tiêu 0) ${poisoned === 0 ? "✓" : "✗"}`;
}

/**
 * 6. The costliest ranking anyone may ask for (every commune re-aggregated across the
 * crosswalk for a year, a new structureOn each time, dropped after 2 s), three a minute,
 * while a reader asks for public rankings from another address.
 */
async function costlyRankingsAttack(base: string, until: Date, seconds: number): Promise<string> {
  const started = performance.now();
  const attacks: Promise<number | string>[] = [];
  const every = (seconds * 1000) / Math.max(1, Math.round((3 * seconds) / 60));
  let sent = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  while (performance.now() - started < seconds * 1000) {
    if (performance.now() - started >= sent * every) {
      const structureOn = isoDate(addDays(until, -sent * 3));
      const drop = AbortSignal.timeout(2_000);
      attacks.push(
        fetch(
          `${base}/api/v1/rankings?indicator=CCCD_ISSUED&level=commune&period=year:${until.getUTCFullYear() - 1}&structureOn=${structureOn}&limit=1`,
          { signal: drop, headers: { "x-forwarded-for": `198.19.0.${sent + 1}` } },
        ).then(
          (r) => r.status,
          () => "bỏ sau 2 s",
        ),
      );
      sent++;
    }
    const indicator = ["CCCD_INTAKE", "CCCD_ISSUED", "VNEID_L2_ACTIVATED"][latencies.length % 3];
    const asOf = isoDate(addDays(until, -7 * (latencies.length % 8)));
    const t0 = performance.now();
    const answer = await fetch(`${base}/api/v1/rankings?indicator=${indicator}&level=province&asOf=${asOf}`, {
      headers: { "x-forwarded-for": "198.19.1.1" },
    });
    await answer.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    await new Promise((r) => setTimeout(r, 100));
  }
  const attacked = await Promise.all(attacks);
  const p95 = percentile(latencies, 95);
  return (
    `  ${sent} xếp hạng đắt nhất (mọi xã qua bảng chuyển đổi, cả năm, structureOn mới mỗi lần; ${attacked.join(", ")}) ` +
    `trong ${seconds} s: xếp hạng công khai p95 ${p95.toFixed(0)} ms (n=${latencies.length}, ${JSON.stringify(statuses)}, mục tiêu ≤ 1000) ${p95 <= 1000 ? "✓" : "✗"}`
  );
}

/** 7. Distinct anonymous public pages (indicator × week × structure), from a few addresses. */
async function distinctPages(base: string, pid: number, until: Date, count: number): Promise<string> {
  const statuses: Record<string, number> = {};
  let next = 0;
  const indicators = ["CCCD_INTAKE", "CCCD_ISSUED", "VNEID_L2_INTAKE", "VNEID_L2_ACTIVATED", "VNEID_L1_ACTIVATED"];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        const week = isoDate(addDays(until, -7 * Math.floor(i / 10)));
        const structure = i % 2 ? "63" : "34";
        const response = await fetch(
          `${base}/?structure=${structure}&indicator=${indicators[i % 5]}&period=week:${week}`,
          { headers: { "x-forwarded-for": `198.20.0.${i % 16}`, "accept-encoding": "gzip" } },
        ).catch(() => null);
        await response?.arrayBuffer();
        const key = response ? String(response.status) : "không trả lời";
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }),
  );
  const peak = peakResidentMiB(pid);
  return (
    `  ${count} trang công khai khác nhau (ẩn danh, 16 địa chỉ): ${JSON.stringify(statuses)}; ` +
    `bộ nhớ thường trú cao nhất ${peak.toFixed(0)} MiB (mục tiêu ≤ 1536) ${peak <= 1536 ? "✓" : "✗"}`
  );
}

/** The process's peak resident set (VmHWM), Linux only. */
function peakResidentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}
