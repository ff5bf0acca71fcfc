import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { roleHas } from "@/lib/access/authorize";
import { writeAudit } from "@/lib/audit/write-audit";
import { bumpDataVersion } from "@/lib/db/data-version";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConflictError, ForbiddenError, InvalidParamError } from "@/lib/errors";
import { addDays, isoDate, parseIsoDate, sundayOnOrBefore, todayInVietnam } from "@/lib/format/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEFAULT_BANDS,
  DEFINABLE_KINDS,
  type DefinableKind,
  isEntered,
  storedKind,
} from "@/lib/indicators/indicator-kinds";
import { ZIndicatorCode } from "@/lib/indicators/indicators";
import { refreshEveryBasis } from "@/lib/series/refresh-series";

// A new indicator is data: a row (and, for a scorecard, its components), never code or a
// migration. Every path (entry, import, rankings, pages, exports) reads its kind.

export const ZName = z
  .string()
  .trim()
  .min(3, "Tên chỉ tiêu cần ít nhất 3 ký tự.")
  .max(200, "Tên chỉ tiêu tối đa 200 ký tự.")
  .refine((v) => !/\p{Cc}/u.test(v), "Tên chỉ tiêu không được chứa ký tự điều khiển (xuống dòng, tab…).");

/**
 * A number of points or a band's bound as stored (numeric with 2 decimals): written in plain
 * decimal, 18, 18.5 or 18,5, with at most two decimals. Anything else (0x10, 1e2, 0.001,
 * Infinity, a blank) is refused rather than read as another number or rounded to 0,00.
 * The form and the CLI pass the text as typed; other callers may pass a number.
 */
export function zHundredths(what: string, example: string) {
  return z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const text = typeof raw === "number" ? String(raw) : raw.trim();
    if (!/^-?\d{1,4}(?:[.,]\d{1,2})?$/.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} "${String(raw).slice(0, 40)}" không hợp lệ: cần số thập phân viết thường, tối đa 2 chữ số sau dấu phẩy (ví dụ ${example}).`,
      });
      return z.NEVER;
    }
    return Number(text.replace(",", "."));
  });
}

export const ZBands = z
  .array(
    zHundredths("Ngưỡng xếp loại", "80 hoặc 80,5").pipe(
      z
        .number()
        .positive("Ngưỡng xếp loại phải lớn hơn 0 %.")
        .max(100, "Ngưỡng xếp loại tính bằng % tổng điểm, tối đa 100."),
    ),
  )
  .min(1, "Cần ít nhất một ngưỡng xếp loại (ví dụ 80; 90); bỏ hẳn ngưỡng thì dùng mặc định 80; 90.")
  .max(5, "Tối đa 5 ngưỡng xếp loại.");

/** A scorecard's components and the points each is worth. */
export const ZComponents = z
  .array(
    z.object({
      code: ZIndicatorCode,
      weight: zHundredths("Trọng số", "18 hoặc 18,5").pipe(
        z.number().positive("Trọng số phải lớn hơn 0.").max(1000, "Trọng số tối đa 1000 điểm."),
      ),
    }),
  )
  .max(20, "Một bộ chỉ số có tối đa 20 thành phần.");

/** A reporting week: its Sunday, YYYY-MM-DD. */
export const ZWeek = z.string().transform((text, ctx) => {
  const day = parseIsoDate(text);
  if (day?.getUTCDay() !== 0) {
    ctx.addIssue({ code: "custom", message: "Tuần áp dụng phải là một ngày Chủ nhật dạng YYYY-MM-DD." });
    return z.NEVER;
  }
  return day;
});

export const ZIndicatorDefinition = z.object({
  code: ZIndicatorCode,
  nameVi: ZName,
  nameEn: z.string().trim().max(200, "Tên tiếng Anh tối đa 200 ký tự.").optional(),
  kind: z.enum(DEFINABLE_KINDS, { error: `Loại chỉ tiêu phải là một trong ${DEFINABLE_KINDS.join(", ")}.` }),
  /** DERIVED: the indicator above the line and the one below it. */
  numerator: ZIndicatorCode.optional(),
  denominator: ZIndicatorCode.optional(),
  /** COMPOSITE: the components and the points each is worth. */
  components: ZComponents.optional(),
  /** COMPOSITE: lower bounds of the bands, in percent of the total points, ascending. */
  bands: ZBands.optional(),
  /**
   * Entered kinds: the first reporting week (a Sunday) entry forms ask for it; by default the
   * next one; null: every week (an indicator whose history is loaded with it, as the demo's).
   */
  enteredFrom: ZWeek.nullable().optional(),
});
export type IndicatorDefinition = z.input<typeof ZIndicatorDefinition>;

export type DefinedIndicator = { id: number; code: string; kind: string };

/** Defines an indicator (ministry admins only), with its audit entry, in one transaction. */
/** Every indicator by code, as the checks of a definition need them. */
export async function knownIndicators(prisma: Pick<PrismaClient, "indicator">) {
  const rows = await prisma.indicator.findMany({ select: { id: true, code: true, kind: true, retiredOn: true } });
  return new Map(rows.map((i) => [i.code, i]));
}
type Known = Awaited<ReturnType<typeof knownIndicators>>;

/** The indicator a derived ratio or a scorecard is made of, checked. */
function partOf(known: Known, definedKind: DefinableKind, param: string, code: string | undefined) {
  const kind = storedKind(definedKind);
  if (!code) throw new InvalidParamError(param, `Chỉ tiêu loại ${definedKind} cần ${param} (mã một chỉ tiêu đã có).`);
  const found = known.get(code);
  if (!found) throw new InvalidParamError(param, `Không có chỉ tiêu mã ${code}.`);
  if (found.retiredOn) throw new InvalidParamError(param, `Chỉ tiêu ${code} đã ngừng sử dụng.`);
  if (found.kind === "COMPOSITE") throw new InvalidParamError(param, `${code} là bộ chỉ số, không dùng làm ${param}.`);
  // A derived ratio divides its parts' values (a ratio's or a checklist's is its numerator):
  // those of figures people enter. A derived part's value is only its own numerator, and
  // its ratio changes after the derived ones are recomputed, so a ratio of ratios would be
  // neither the right number nor up to date.
  if (kind === "DERIVED" && !isEntered(found.kind))
    throw new InvalidParamError(
      param,
      `${code} là chỉ tiêu tính từ hai chỉ tiêu khác, không dùng làm ${param === "numerator" ? "tử số" : "mẫu số"}: chọn chỉ tiêu được nhập số liệu (số lượng, tỷ lệ hoặc danh mục), ví dụ tử số và mẫu số của chính ${code}.`,
    );
  return found;
}

/** A scorecard's components, checked: at least two, each an indicator in use once. */
export function checkedComponents(known: Known, components: { code: string; weight: number }[]) {
  const checked = components.map((c) => ({ ...partOf(known, "COMPOSITE", "components", c.code), weight: c.weight }));
  if (checked.length < 2) throw new InvalidParamError("components", "Bộ chỉ số cần ít nhất 2 thành phần (MÃ:điểm).");
  if (new Set(checked.map((c) => c.id)).size !== checked.length)
    throw new InvalidParamError("components", "Mỗi chỉ tiêu chỉ là thành phần một lần.");
  return checked;
}

/** A scorecard's bands, checked: ascending. */
export function checkedBands(bands: number[]): number[] {
  if (bands.some((b, i) => i > 0 && b <= (bands[i - 1] as number)))
    throw new InvalidParamError("bands", "Các ngưỡng xếp loại phải tăng dần, ví dụ 80; 90.");
  return bands;
}

export async function defineIndicator(
  prisma: PrismaClient,
  actor: Actor,
  raw: unknown,
  requestId: string | null = null,
): Promise<DefinedIndicator> {
  if (!roleHas(actor.role, "indicator.define"))
    throw new ForbiddenError("Chỉ quản trị Bộ Công an (C06) được định nghĩa chỉ tiêu.");
  const parsed = ZIndicatorDefinition.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParamError(String(issue?.path[0] ?? "indicator"), issue?.message ?? "Định nghĩa không hợp lệ.");
  }
  const def = parsed.data;
  const kind = storedKind(def.kind);
  const known = await knownIndicators(prisma);
  const taken = () => new ConflictError(`Đã có chỉ tiêu mã ${def.code}.`);
  if (known.has(def.code)) throw taken();
  const part = (param: string, code: string | undefined) => partOf(known, def.kind, param, code);
  if (kind !== "DERIVED" && (def.numerator || def.denominator))
    throw new InvalidParamError("numerator", "Chỉ loại DERIVED mới có tử số và mẫu số là chỉ tiêu khác.");
  if (kind !== "COMPOSITE" && (def.components?.length || def.bands?.length))
    throw new InvalidParamError("components", "Chỉ loại COMPOSITE mới có thành phần và ngưỡng xếp loại.");
  const numerator = kind === "DERIVED" ? part("numerator", def.numerator) : null;
  const denominator = kind === "DERIVED" ? part("denominator", def.denominator) : null;
  if (numerator && numerator.id === denominator?.id)
    throw new InvalidParamError("denominator", "Tử số và mẫu số phải là hai chỉ tiêu khác nhau.");
  const components = kind === "COMPOSITE" ? checkedComponents(known, def.components ?? []) : [];
  const bands = kind === "COMPOSITE" ? checkedBands(def.bands ?? DEFAULT_BANDS) : [];
  // Entered from the week the admin chose (by default the next one), so that no commune's
  // form grows a column in the middle of the week it is filling in.
  const enteredFrom = !isEntered(kind)
    ? null
    : def.enteredFrom === undefined
      ? addDays(sundayOnOrBefore(todayInVietnam()), 7)
      : def.enteredFrom;

  const creating = prisma.$transaction(
    async (tx) => {
      const last = await tx.indicator.aggregate({ _max: { sortOrder: true } });
      const created = await tx.indicator.create({
        data: {
          code: def.code,
          nameVi: def.nameVi,
          nameEn: def.nameEn || def.nameVi,
          kind,
          sortOrder: (last._max.sortOrder ?? 0) + 10,
          numeratorId: numerator?.id ?? null,
          denominatorId: denominator?.id ?? null,
          bands,
          enteredFrom,
          components: {
            create: components.map((c, i) => ({ componentId: c.id, weight: c.weight, sortOrder: i })),
          },
        },
      });
      await writeAudit(tx, { actor: actor.username, requestId }, [
        {
          action: "create",
          entity: "indicator",
          entityId: created.id,
          unitId: null,
          indicatorId: created.id,
          oldValue: null,
          newValue: {
            code: def.code,
            kind,
            nameVi: def.nameVi,
            ...(enteredFrom ? { enteredFrom: isoDate(enteredFrom) } : {}),
            ...(numerator ? { numerator: numerator.code, denominator: denominator?.code } : {}),
            ...(components.length ? { components: components.map((c) => `${c.code}:${c.weight}`), bands } : {}),
          },
        },
      ]);
      // A derived indicator has a value wherever its parts do, and a scorecard a score,
      // from the moment it exists.
      if (kind === "DERIVED" || kind === "COMPOSITE") {
        const units = await tx.unit.findMany({ select: { id: true } });
        await refreshEveryBasis(tx, { unitIds: units.map((u) => u.id), indicatorIds: [created.id] });
      }
      await bumpDataVersion(tx);
      return { id: created.id, code: created.code, kind };
      // Computing a national history takes seconds, not the default 5.
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  // Another admin may have created the same code between the check above and this insert.
  return creating.catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
}
