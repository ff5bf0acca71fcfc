import "server-only";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { defineIndicator } from "@/lib/indicator-definitions/define-indicator";
import { KIND_NAMES } from "@/lib/indicators/indicator-kinds";
import { listIndicators } from "@/lib/indicators/indicators";

/** Whoever runs the CLI on the server administers the whole program. */
const CLI_ACTOR: Actor = { id: 0, username: "cli", displayName: "Dòng lệnh", role: "MINISTRY_ADMIN", unitId: null };

/**
 * `indicator create --code CODE --kind COUNT|STOCK|RATIO|CHECKLIST|DERIVED|COMPOSITE --name "…"
 * [--name-en "…"] [--numerator MÃ --denominator MÃ] [--component MÃ:điểm …] [--bands 80,90]`
 * and `indicator list`.
 */
export async function runIndicator(
  [action]: string[],
  flags: {
    code?: string;
    kind?: string;
    name?: string;
    "name-en"?: string;
    numerator?: string;
    denominator?: string;
    component?: string[];
    bands?: string;
  },
): Promise<number> {
  if (action === "list") {
    for (const i of await listIndicators(db())) console.log(`${i.code.padEnd(24)} ${i.kind.padEnd(11)} ${i.nameVi}`);
    return 0;
  }
  if (action !== "create") {
    console.error('Cách dùng: indicator create --code MÃ --kind LOẠI --name "Tên" … | indicator list');
    return 2;
  }
  try {
    const created = await defineIndicator(db(), CLI_ACTOR, {
      code: flags.code ?? "",
      kind: (flags.kind ?? "").toUpperCase(),
      nameVi: flags.name ?? "",
      nameEn: flags["name-en"],
      numerator: flags.numerator,
      denominator: flags.denominator,
      components: flags.component?.map(component),
      bands: flags.bands === undefined ? undefined : bandList(flags.bands),
    });
    console.log(`✓ Đã tạo chỉ tiêu ${created.code} (${KIND_NAMES[created.kind as keyof typeof KIND_NAMES].vi}).`);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidParamError)) throw error;
    const flag = { nameVi: "name", nameEn: "name-en", components: "component" }[error.param] ?? error.param;
    console.error(`✗ --${flag}: ${error.message}`);
    return 2;
  }
}

/** "HS_TRUC_TUYEN:18" → the component and its points, as written (checked by the definition). */
function component(text: string): { code: string; weight: string } {
  const [code = "", weight = ""] = text.split(":");
  return { code: code.trim().toUpperCase(), weight: weight.trim() };
}

/**
 * "80,90" or "80; 90,5" (with ";" a decimal comma is allowed), as the Indicators page reads
 * them; each bound is checked by the definition (plain decimals, at most two decimals).
 */
function bandList(text: string): string[] {
  const parts = text.includes(";") ? text.split(";") : text.split(/,\s*|\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}
