import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Không tìm thấy trang</h1>
      <p className="mt-3 text-slate-700">Địa chỉ này không có, hoặc đơn vị đã đổi mã sau sắp xếp năm 2025.</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-brand-700 underline">
          Về bảng xếp hạng
        </Link>
      </p>
    </main>
  );
}
