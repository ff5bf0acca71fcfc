import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { logDenied, unitIdsInScope } from "@/lib/access/authorize";
import { ForbiddenError, InvalidParamError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS } from "@/lib/imports/import-upload";
import { WorkLimit } from "@/lib/limits/work-limits";
import { readTable, TableFormatError } from "@/lib/tables/read-table";
import { REFERENCE_COLUMNS } from "./import-reference";
import { type Reconciliation, runReconciliation } from "./run-reconciliation";
import { absoluteUnits, percentHundredths } from "./tolerance";

/** Extracts checked at once from the web (each holds its rows in memory); the rest are told to come back. */
const uploads = new WorkLimit({
  running: 1,
  waiting: 2,
  retryAfterSeconds: 30,
  busyMessage: "Máy chủ đang đối chiếu một tệp khác; vui lòng gửi lại sau khoảng nửa phút.",
});

const ZFields = z.object({
  requestId: z.uuid({ message: "requestId phải là UUID." }),
  tolerancePercent: z.string().max(20).optional(),
  toleranceAbsolute: z.string().max(20).optional(),
});

/**
 * A reference extract uploaded by the ministry (the system of record is national): bounded as
 * the figure upload is (size, rows), checked row by row, then imported and compared.
 */
export async function uploadReference(prisma: PrismaClient, actor: Actor, form: FormData): Promise<Reconciliation> {
  const allowed = await unitIdsInScope(prisma, actor, "reference.import");
  if (allowed?.size === 0) {
    logDenied(actor, "reference.import", actor.unitId);
    throw new ForbiddenError(`Tài khoản ${actor.username} không nhập được số liệu đối chiếu (chỉ Bộ Công an, C06).`);
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const fields = ZFields.safeParse({
    requestId: form.get("requestId"),
    tolerancePercent: text("tolerancePercent"),
    toleranceAbsolute: text("toleranceAbsolute"),
  });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    throw new InvalidParamError(String(issue?.path[0] ?? "form"), issue?.message ?? "Biểu mẫu không hợp lệ.");
  }
  const { requestId, tolerancePercent, toleranceAbsolute } = fields.data;
  const tolerance = {
    percentHundredths: tolerancePercent === undefined ? undefined : percentHundredths(tolerancePercent),
    absolute: toleranceAbsolute === undefined ? undefined : absoluteUnits(toleranceAbsolute),
  };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new InvalidParamError("file", "Chọn một tệp .csv hoặc .xlsx.");
  if (file.size > MAX_UPLOAD_BYTES)
    throw new InvalidParamError(
      "file",
      `Tệp ${file.name} lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; dùng npm run cli -- reconcile.`,
    );
  const buffer = Buffer.from(await file.arrayBuffer());
  const fileName = file.name.replace(/\p{Cc}/gu, "").slice(0, 200);
  try {
    return await uploads.run(() =>
      runReconciliation(prisma, readTable({ buffer, fileName }, REFERENCE_COLUMNS, { rows: MAX_UPLOAD_ROWS }), {
        actor: actor.username,
        fileName,
        tolerance,
        requestId,
        allowedUnitIds: allowed,
      }),
    );
  } catch (error) {
    if (error instanceof TableFormatError) throw new InvalidParamError("file", `Tệp ${fileName}: ${error.message}`);
    throw error;
  }
}
