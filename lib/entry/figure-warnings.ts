// Checks the entry page runs as the user types, before anything is sent. Pure functions, so
// the browser and the tests use the same rules.

/** Parses what a user typed or pasted: "1.234.567", "1 234 567" and "1234567" are the same count. */
export function parseTypedCount(text: string): { value: number | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null, error: null };
  const digits = trimmed.replace(/[.\s\u00a0]/g, "");
  if (/^-/.test(digits)) return { value: null, error: "Không được âm." };
  if (!/^\d+$/.test(digits)) return { value: null, error: "Chỉ nhập số nguyên ≥ 0." };
  const value = Number(digits);
  if (value > 2_147_483_647) return { value: null, error: "Số quá lớn." };
  return { value, error: null };
}

export type CellFacts = {
  value: number | null;
  previous: number | null;
  usualIncrease: number | null;
  cumulative: boolean;
  /** Citizens eligible in the same unit and week, for intake counts. */
  eligible: number | null;
  isIntake: boolean;
};

/** Warnings worth a second look; none of them blocks saving. */
export function figureWarnings(facts: CellFacts): string[] {
  const { value, previous, usualIncrease } = facts;
  if (value === null) return [];
  const warnings: string[] = [];
  const count = (n: number) => n.toLocaleString("vi-VN");
  if (facts.cumulative && previous !== null && value < previous) {
    warnings.push(`Thấp hơn tuần trước (${count(previous)}), nhưng đây là số cộng dồn.`);
  }
  if (previous !== null && usualIncrease !== null && usualIncrease > 0) {
    const step = value - previous;
    if (step >= 50 && step > 4 * usualIncrease) {
      warnings.push(
        `Tăng ${count(step)} so với tuần trước, gấp ${Math.round(step / usualIncrease)} lần mức thường (${count(Math.round(usualIncrease))}/tuần).`,
      );
    }
  }
  if (facts.isIntake && facts.eligible !== null && value > facts.eligible) {
    warnings.push(`Vượt số công dân đủ điều kiện (${count(facts.eligible)}).`);
  }
  return warnings;
}
