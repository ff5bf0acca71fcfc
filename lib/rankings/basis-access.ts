import "server-only";
import type { Actor } from "@/lib/access/actor";
import { ForbiddenError } from "@/lib/errors";
import type { Basis } from "@/lib/series/bases";

/**
 * Who may read which basis: the official one (approved weeks) is public; the live one shows
 * figures nobody has checked yet, so only signed-in staff may read it.
 */
export function refuseLiveForAnonymous(actor: Actor | null, basis: Basis): void {
  if (basis === "live" && actor === null) {
    throw new ForbiddenError(
      "basis=live (số liệu trực tiếp, chưa phê duyệt) chỉ dành cho cán bộ đã đăng nhập; " +
        "khách xem số liệu đã phê duyệt: bỏ tham số basis hoặc dùng basis=official.",
    );
  }
}
