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
  editing: { vi: (code: string) => `Sửa chỉ số ${code}`, en: (code: string) => `Edit the indicator ${code}` },
  edited: {
    vi: (code: string) => `Đã lưu thay đổi của ${code}; nhật ký ghi lại giá trị trước và sau.`,
    en: (code: string) => `Saved the changes to ${code}; the change log keeps the values before and after.`,
  },
  retired: {
    vi: (code: string) => `Đã ngừng sử dụng ${code}.`,
    en: (code: string) => `${code} is retired.`,
  },
  restored: { vi: (code: string) => `${code} được dùng lại.`, en: (code: string) => `${code} is in use again.` },
  retiredOn: {
    vi: (date: string, reason: string) => `Ngừng sử dụng từ ${date}: ${reason}`,
    en: (date: string, reason: string) => `Retired from ${date}: ${reason}`,
  },
  fromWeek: {
    vi: (date: string) => `Nhập từ tuần kết thúc ${date}`,
    en: (date: string) => `Entered from the week ending ${date}`,
  },
  weekOption: {
    vi: (date: string, next: boolean) => `Tuần kết thúc ${date}${next ? " (tuần kế tiếp)" : ""}`,
    en: (date: string, next: boolean) => `Week ending ${date}${next ? " (the next one)" : ""}`,
  },
});
