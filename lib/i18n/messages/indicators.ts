import { asPhrase, type Phrase, phrases } from "../phrase";

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
  title: { vi: "Chỉ số đo lường", en: "Indicators" },
  lead: {
    vi: "Định nghĩa chỉ số mới mà không cần sửa phần mềm: số đếm, tỷ lệ (tử số/mẫu số), danh mục (đã xong/phải làm), tỷ lệ tính từ hai chỉ số đã có, hoặc bộ chỉ số có trọng số và ngưỡng xếp loại.",
    en: "Define a new indicator without changing the software: a count, a ratio (numerator/denominator), a checklist (done/required), a ratio of two existing indicators, or a scorecard with weights and bands.",
  },
  lost: { vi: "Mất kết nối tới máy chủ; thử lại.", en: "The connection to the server was lost; try again." },
  created: { vi: (code: string) => `Đã tạo chỉ số ${code}.`, en: (code: string) => `Indicator ${code} created.` },
  code: { vi: "Mã (chữ in hoa, số, _)", en: "Code (capitals, digits, _)" },
  nameVi: { vi: "Tên tiếng Việt", en: "Vietnamese name" },
  nameEn: { vi: "Tên tiếng Anh (không bắt buộc)", en: "English name (optional)" },
  kind: { vi: "Loại", en: "Kind" },
  numerator: {
    vi: "Tử số (chỉ số đã có, được nhập số liệu)",
    en: "Numerator (an existing indicator whose figures are entered)",
  },
  denominator: {
    vi: "Mẫu số (chỉ số đã có, được nhập số liệu)",
    en: "Denominator (an existing indicator whose figures are entered)",
  },
  components: { vi: "Thành phần và điểm tối đa", en: "Components and their maximum points" },
  weight: { vi: "Điểm", en: "Points" },
  addComponent: { vi: "Thêm thành phần", en: "Add a component" },
  removeComponent: { vi: "Bỏ", en: "Remove" },
  bands: {
    vi: "Ngưỡng xếp loại (% tổng điểm, cách nhau bởi dấu phẩy)",
    en: "Band thresholds (% of the total points, comma-separated)",
  },
  create: { vi: "Tạo chỉ số", en: "Create the indicator" },
  pick: { vi: "– chọn –", en: "– choose –" },
  list: { vi: "Các chỉ số hiện có", en: "Indicators defined" },
  definition: { vi: "Cách tính", en: "Computed as" },
  total: { vi: (points: string) => `tổng ${points} điểm`, en: (points: string) => `${points} points in all` },
  kinds: asPhrase(KINDS),
});
