import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { logDenied, unitIdsInScope } from "@/lib/access/authorize";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import { formatCount } from "@/lib/format/numbers";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FIGURE_COLUMNS, type ImportReport, importFigures } from "@/lib/imports/import-figures";
import { importTargets, TARGET_COLUMNS } from "@/lib/imports/import-targets";
import { WorkLimit } from "@/lib/limits/work-limits";
import { readTable, TableFormatError } from "@/lib/tables/read-table";

/** Larger files go through `npm run cli -- import`, which streams from disk. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Rows in an uploaded file: a national weekly file is far below this. */
export const MAX_UPLOAD_ROWS = 300_000;

/**
 * Files checked or imported at once from the web: each holds its rows in memory while it
 * is checked. The rest wait a little; past that they are told to come back (429).
 */
const uploads = new WorkLimit({
  running: 1,
  waiting: 3,
  retryAfterSeconds: 30,
  busyMessage: "Máy chủ đang kiểm tra các tệp khác; vui lòng gửi lại sau khoảng nửa phút.",
});

const ZUploadFields = z.object({
  kind: z.enum(["figures", "targets"], { message: "Chọn loại tệp: số liệu (figures) hoặc chỉ tiêu (targets)." }),
  mode: z.enum(["preview", "import"], { message: "mode phải là preview (kiểm tra) hoặc import (ghi)." }),
  requestId: z.uuid({ message: "requestId phải là UUID." }),
});

export type UploadOutcome = ImportReport & { kind: "figures" | "targets"; fileName: string; scope: string };

/**
 * Checks (mode "preview") or imports (mode "import") a CSV/Excel file uploaded from the web,
 * with the same all-or-nothing domain importers the CLI uses, limited to the units the user
 * may write: their figures' scope for figures, the units below them for targets.
 */
export async function importUpload(prisma: PrismaClient, actor: Actor, form: FormData): Promise<UploadOutcome> {
  const fields = ZUploadFields.safeParse({
    kind: form.get("kind"),
    mode: form.get("mode"),
    requestId: form.get("requestId"),
  });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new InvalidParamError(String(issue?.path[0] ?? "form"), issue?.message ?? "Biểu mẫu không hợp lệ.");
  }
  const { kind, mode, requestId } = fields.data;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new InvalidParamError("file", "Chọn một tệp .csv hoặc .xlsx.");
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new InvalidParamError(
      "file",
      `Tệp ${file.name} lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; chia nhỏ tệp hoặc nhờ quản trị nhập bằng dòng lệnh.`,
    );
  }

  const action = kind === "figures" ? "figure.enter" : "target.assign";
  const allowedUnitIds = await unitIdsInScope(prisma, actor, action);
  if (allowedUnitIds?.size === 0) {
    logDenied(actor, `import.${kind}`, actor.unitId);
    throw new ForbiddenError(
      kind === "figures"
        ? `Tài khoản ${actor.username} không được nhập số liệu.`
        : `Tài khoản ${actor.username} không được giao chỉ tiêu (chỉ cấp trên giao cho cấp dưới).`,
    );
  }
  const options = {
    actor: actor.username,
    source: `upload:${file.name.replace(/\p{Cc}/gu, "").slice(0, 200)}`,
    requestId,
    dryRun: mode === "preview",
    allowedUnitIds,
  };
  const buffer = Buffer.from(await file.arrayBuffer());
  const rows = readTable({ buffer, fileName: file.name }, kind === "figures" ? FIGURE_COLUMNS : TARGET_COLUMNS, {
    rows: MAX_UPLOAD_ROWS,
  });
  const scope = allowedUnitIds ? `${formatCount(allowedUnitIds.size)} đơn vị` : "toàn quốc";
  try {
    const report = await uploads.run(() =>
      kind === "figures" ? importFigures(prisma, rows, options) : importTargets(prisma, rows, options),
    );
    return { ...report, kind, fileName: file.name, scope };
  } catch (error) {
    if (error instanceof TableFormatError) throw new InvalidParamError("file", `Tệp ${file.name}: ${error.message}`);
    throw error;
  }
}
