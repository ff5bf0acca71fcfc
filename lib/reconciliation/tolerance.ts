import { InvalidParamError } from "@/lib/errors";

// When an entered figure agrees with the system of record's count. Exact: integers, the
// percent in hundredths (150 = 1,5 %), compared by cross-multiplication.

export type Tolerance = { absolute: number; percentHundredths: number };

/** Agrees when |entered − reference| ≤ absolute, or ≤ percent of the reference: either suffices. */
export function withinTolerance(entered: number | null, reference: number, tolerance: Tolerance): boolean {
  if (entered === null) return false;
  const gap = Math.abs(entered - reference);
  return gap <= tolerance.absolute || gap * 10_000 <= tolerance.percentHundredths * Math.abs(reference);
}

/** A percent as typed on the command line or a form (1, 1.5, 1,5), 0–100, into hundredths. */
export function percentHundredths(text: string, param = "tolerancePercent"): number {
  const cleaned = text.trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned) || Number(cleaned) > 100)
    throw new InvalidParamError(
      param,
      `Sai số cho phép "${text.slice(0, 20)}" phải là phần trăm từ 0 đến 100 (ví dụ 1 hoặc 1,5).`,
    );
  return Math.round(Number(cleaned) * 100);
}

/** A whole number of units, 0–1,000,000. */
export function absoluteUnits(text: string, param = "toleranceAbsolute"): number {
  const cleaned = text.trim();
  if (!/^\d{1,7}$/.test(cleaned) || Number(cleaned) > 1_000_000)
    throw new InvalidParamError(param, `Sai số cho phép "${text.slice(0, 20)}" phải là số nguyên từ 0 đến 1.000.000.`);
  return Number(cleaned);
}
