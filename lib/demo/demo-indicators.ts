import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { defineIndicator, type IndicatorDefinition } from "@/lib/indicator-definitions/define-indicator";

// Indicators of the rest of the program, one of each kind, defined through the same path a
// ministry admin uses, so a fresh install shows ratios, a checklist, coverage and a scorecard.

/** Ratios the demo fills for every leaf unit every four weeks: how far each gets, and the denominator's size. */
export const DEMO_RATIOS = [
  {
    code: "BHYT_SYNC",
    nameVi: "Thẻ CCCD đồng bộ với thẻ BHYT",
    nameEn: "ID cards synced with health insurance",
    from: 0.55,
    to: 0.99,
    per: 0.9,
  },
  {
    code: "HS_TRUC_TUYEN",
    nameVi: "Hồ sơ thủ tục hành chính xử lý trực tuyến",
    nameEn: "Administrative files processed online",
    from: 0.3,
    to: 0.85,
    per: 0.04,
  },
  {
    code: "TT_TRUC_TUYEN",
    nameVi: "Hồ sơ thanh toán trực tuyến",
    nameEn: "Fees paid online",
    from: 0.2,
    to: 0.75,
    per: 0.03,
  },
  {
    code: "CONG_KHAI",
    nameVi: "Thủ tục công khai, minh bạch",
    nameEn: "Procedures published openly",
    from: 0.7,
    to: 1,
    per: 0.002,
  },
  { code: "SO_HOA_HO_SO", nameVi: "Hồ sơ được số hoá", nameEn: "Files digitised", from: 0.25, to: 0.85, per: 0.04 },
  {
    code: "DUNG_HAN",
    nameVi: "Hồ sơ giải quyết đúng hạn",
    nameEn: "Files settled on time",
    from: 0.8,
    to: 0.98,
    per: 0.04,
  },
] as const;

/** The one ratio with a share target: 80 % of files processed online (the 2025 goal). */
export const DEMO_SHARE_TARGET = { code: "HS_TRUC_TUYEN", percent: 80 } as const;

/** The essential online public services each province has in place, of 25. */
export const DEMO_CHECKLIST = { code: "DVC_THIET_YEU", required: 25 } as const;

/** The public-service index: a scorecard of five groups, ranked by quarter. */
export const DEMO_SCORECARD = { code: "BO_CHI_SO_PVND" } as const;

const DEFINITIONS: IndicatorDefinition[] = [
  ...DEMO_RATIOS.map((r) => ({ code: r.code, nameVi: r.nameVi, nameEn: r.nameEn, kind: "RATIO" as const })),
  {
    code: DEMO_CHECKLIST.code,
    kind: "CHECKLIST",
    nameVi: "Dịch vụ công thiết yếu trực tuyến toàn trình",
    nameEn: "Essential public services fully online",
  },
  {
    code: "CCCD_COVERAGE",
    kind: "DERIVED",
    nameVi: "Tỷ lệ thu nhận CCCD trên công dân đủ điều kiện",
    nameEn: "ID-card intake over eligible citizens",
    numerator: "CCCD_INTAKE",
    denominator: "CCCD_ELIGIBLE",
  },
  {
    code: "VNEID_L2_ACTIVATION",
    kind: "DERIVED",
    nameVi: "Tỷ lệ kích hoạt định danh điện tử mức 2",
    nameEn: "Level-2 e-ID accounts activated over applications",
    numerator: "VNEID_L2_ACTIVATED",
    denominator: "VNEID_L2_INTAKE",
  },
  {
    code: DEMO_SCORECARD.code,
    kind: "COMPOSITE",
    nameVi: "Bộ chỉ số phục vụ người dân, doanh nghiệp",
    nameEn: "Public-service index",
    // The national index's five groups: 18 / 20 / 22 / 22 / 18 points of 100.
    components: [
      { code: "HS_TRUC_TUYEN", weight: 18 },
      { code: "TT_TRUC_TUYEN", weight: 20 },
      { code: "CONG_KHAI", weight: 22 },
      { code: "SO_HOA_HO_SO", weight: 22 },
      { code: "DUNG_HAN", weight: 18 },
    ],
    bands: [80, 90],
  },
];

const DEMO_ACTOR: Actor = { id: 0, username: "demo", displayName: "Dữ liệu mẫu", role: "MINISTRY_ADMIN", unitId: null };

/** Defines the demo's indicators that do not exist yet (safe to run again). */
export async function defineDemoIndicators(prisma: PrismaClient): Promise<void> {
  const existing = new Set((await prisma.indicator.findMany({ select: { code: true } })).map((i) => i.code));
  for (const definition of DEFINITIONS) {
    // Entered every week: the demo loads their history with them.
    if (!existing.has(definition.code)) await defineIndicator(prisma, DEMO_ACTOR, { ...definition, enteredFrom: null });
  }
}
