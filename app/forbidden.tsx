import Link from "next/link";
import { publicMessages } from "@/lib/i18n/public-messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export default async function Forbidden() {
  const m = publicMessages(await requestLocale());
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{m.forbiddenTitle}</h1>
      <p className="mt-3 text-slate-700">{m.forbiddenLead}</p>
      <p className="mt-6">
        <Link href="/nhap-lieu" className="font-semibold text-brand-700 underline">
          {m.forbiddenBack}
        </Link>
      </p>
    </main>
  );
}
