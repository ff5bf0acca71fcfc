"use client";

import { Button } from "@/components/ui/button";

// Shown instead of any unexpected error: no details of the server reach the browser.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Đã có lỗi xảy ra</h1>
      <p className="mt-3 text-slate-700">
        Hệ thống chưa xử lý được yêu cầu này. Số liệu đã lưu trước đó không bị ảnh hưởng.
      </p>
      <Button variant="primary" size="lg" onClick={reset} className="mt-6">
        Thử lại
      </Button>
    </main>
  );
}
