import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorSetup, SecondFactorTurnOff } from "@/components/auth/second-factor-setup";
import { CHANGE_PASSWORD_PATH, currentSession, SECOND_FACTOR_PATH } from "@/lib/auth/current-user";
import { secondFactorStatus } from "@/lib/auth/enrol-second-factor";
import { groupSecret, totpQrSvg } from "@/lib/auth/totp";
import { db } from "@/lib/db/client";
import { formatMoment } from "@/lib/format/dates";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { staffLocale } from "@/lib/i18n/staff-locale";
import { staffMessages } from "@/lib/i18n/staff-messages";

export const metadata: Metadata = { title: "Xác thực hai bước – Đề án 06" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SecondFactorPage({ searchParams }: Props) {
  const signedIn = await currentSession();
  if (!signedIn) redirect(`/dang-nhap?next=${SECOND_FACTOR_PATH}`);
  if (signedIn.mustChangePassword) redirect(`${CHANGE_PASSWORD_PATH}?next=${SECOND_FACTOR_PATH}`);
  const [{ next }, locale, status] = await Promise.all([
    searchParams,
    staffLocale(),
    secondFactorStatus(db(), signedIn.actor),
  ]);
  const t = staffMessages(locale).secondFactor;
  const then = safeRedirectPath(next, "/nhap-lieu");
  return (
    <main className="mx-auto max-w-xl space-y-4 px-4 py-8" lang={locale}>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {status.enabled ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm">
            <dt className="font-semibold">{t.enabledSince}</dt>
            <dd>{formatMoment(status.enabledAt, locale)}</dd>
            <dt className="font-semibold">{t.recoveryLeft}</dt>
            <dd>{t.recoveryCount(status.recoveryCodesLeft)}</dd>
          </dl>
          <p className="text-sm text-slate-700">{t.lostPhone}</p>
          {status.required ? null : <SecondFactorTurnOff locale={locale} />}
        </>
      ) : (
        <>
          <p
            role={status.required ? "status" : undefined}
            className={
              status.required ? "rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" : "text-slate-700"
            }
          >
            {status.required ? t.mustEnrol : t.optional}
          </p>
          <SecondFactorSetup
            locale={locale}
            then={then}
            qrSvg={await totpQrSvg(status.pendingSecret, signedIn.actor.username)}
            secret={groupSecret(status.pendingSecret)}
          />
        </>
      )}
    </main>
  );
}
