import Link from "next/link";
import { publicMessages } from "@/lib/i18n/public-messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export default async function NotFound() {
  const locale = await requestLocale();
  const m = publicMessages(locale);
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{m.notFoundTitle}</h1>
      <p className="mt-3 text-slate-700">{m.notFoundLead}</p>
      <p className="mt-6">
        <Link href={locale === "en" ? "/?lang=en" : "/"} className="font-semibold text-brand-700 underline">
          {m.notFoundBack}
        </Link>
      </p>
    </main>
  );
}
