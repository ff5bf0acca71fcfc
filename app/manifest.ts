import type { MetadataRoute } from "next";

// The weekly entry page as an app on the officer's phone: it opens from the home screen and,
// once loaded, with no network (public/sw.js keeps it; components/entry/outbox.ts queues saves).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Đề án 06 – Số liệu tuần",
    short_name: "Đề án 06",
    description: "Nhập số liệu tuần về CCCD gắn chip và định danh điện tử, cả khi mất mạng.",
    lang: "vi",
    start_url: "/nhap-lieu",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#991b1b",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
