"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessages } from "@/lib/i18n/error-messages";
import { parseLocale } from "@/lib/i18n/locale";

// Shown instead of any unexpected error: no details of the server reach the browser. In the
// page's language, which the root layout wrote on <html lang>.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [locale, setLocale] = useState<"vi" | "en">("vi");
  useEffect(() => setLocale(parseLocale(document.documentElement.lang)), []);
  const m = errorMessages(locale);
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{m.errorTitle}</h1>
      <p className="mt-3 text-slate-700">{m.errorLead}</p>
      <Button variant="primary" size="lg" onClick={reset} className="mt-6">
        {m.errorRetry}
      </Button>
    </main>
  );
}
