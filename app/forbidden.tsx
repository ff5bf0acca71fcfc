import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Không có quyền truy cập</h1>
      <p className="mt-3 text-slate-700">
        Tài khoản của bạn không được xem hoặc sửa số liệu của đơn vị này. Mỗi cán bộ chỉ làm việc với đơn vị mình và các
        đơn vị cấp dưới.
      </p>
      <p className="mt-6">
        <Link href="/nhap-lieu" className="font-semibold text-brand-700 underline">
          Về trang số liệu của đơn vị mình
        </Link>
      </p>
    </main>
  );
}
