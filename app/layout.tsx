import "./fonts.css";
import "./globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { parseLocale } from "@/lib/i18n/locale";
import { PAGE_LOCALE_HEADER } from "@/lib/i18n/page-locale";

export const metadata: Metadata = {
  title: "Đề án 06 – Tiến độ CCCD gắn chip và định danh điện tử",
  description: "Theo dõi tiến độ cấp căn cước công dân gắn chip và tài khoản định danh điện tử VNeID theo địa phương.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's language, as the front door read it from the URL or the staff cookie.
  const lang = parseLocale((await headers()).get(PAGE_LOCALE_HEADER));
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 font-sans antialiased">{children}</body>
    </html>
  );
}
