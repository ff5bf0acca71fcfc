import { asPhrase, type Phrase, phrases, plain } from "../phrase";
import indicatorsJson from "./indicators.json";

// The indicators page (/chi-so): defining new indicators without changing the software.
const RUNNING_TOTAL: Phrase<string> = { vi: "Số cộng dồn", en: "Running total" };

const KINDS = phrases<Record<string, string>>({
  COUNT: RUNNING_TOTAL,
  STOCK: { vi: "Số lượng tại một thời điểm", en: "Count at a date" },
  RATIO: { vi: "Tỷ lệ (tử số / mẫu số)", en: "Ratio (numerator / denominator)" },
  CHECKLIST: { vi: "Danh mục (đã xong / phải làm)", en: "Checklist (done / required)" },
  DERIVED: { vi: "Tỷ lệ tính từ hai chỉ số", en: "Ratio of two indicators" },
  COMPOSITE: { vi: "Bộ chỉ số (thang điểm)", en: "Scorecard (points)" },
  CUMULATIVE: RUNNING_TOTAL,
});

export const INDICATORS = phrases({
  ...plain(indicatorsJson),
  created: { vi: (code: string) => `Đã tạo chỉ số ${code}.`, en: (code: string) => `Indicator ${code} created.` },
  total: { vi: (points: string) => `tổng ${points} điểm`, en: (points: string) => `${points} points in all` },
  kinds: asPhrase(KINDS),
});
