import { phrases, plain } from "../phrase";
import { COMMON } from "./common";
import targetsJson from "./targets.json";

// The targets page (/chi-tieu): assigning targets to the units below.
export const TARGETS = phrases({
  ...plain(targetsJson),
  mustBeWhole: {
    vi: (names: string) => `Chỉ tiêu của ${names} phải là số nguyên lớn hơn 0.`,
    en: (names) => `The targets of ${names} must be whole numbers above 0.`,
  },
  assigned: {
    vi: (created: string, updated: string) => `Đã giao chỉ tiêu: mới ${created}, sửa ${updated}.`,
    en: (created, updated) => `Targets assigned: ${created} new, ${updated} changed.`,
  },
  title: {
    vi: (unit: string | null) => `Giao chỉ tiêu${unit ? ` – ${unit}` : " cho các tỉnh, thành phố"}`,
    en: (unit) => `Assign targets${unit ? ` – ${unit}` : " to the provinces"}`,
  },
  up: COMMON.up,
  ownTarget: {
    vi: (unit: string | null) => `Chỉ tiêu của ${unit ?? "toàn quốc"}`,
    en: (unit) => `Target of ${unit ?? "the whole country"}`,
  },
  due: {
    vi: (date: string, directive: string) => `hạn ${date} · ${directive}`,
    en: (date, directive) => `due ${date} · ${directive}`,
  },
  editing: { vi: (n: string) => `gồm ${n} dòng đang sửa`, en: (n) => `including ${n} rows being edited` },
  short: {
    vi: (n: string) => `Tổng chỉ tiêu cấp dưới thấp hơn chỉ tiêu được giao ${n}.`,
    en: (n) => `The targets below fall short of the target assigned by ${n}.`,
  },
  assign: { vi: (n: string) => `Giao chỉ tiêu (${n} đơn vị)`, en: (n) => `Assign targets (${n} units)` },
  columns: {
    vi: ["Đơn vị", "Chỉ tiêu hiện hành", "Hạn · văn bản", "Chỉ tiêu mới"],
    en: ["Unit", "Target in force", "Deadline · directive", "New target"],
  },
  notAssigned: COMMON.notAssigned,
  newFor: { vi: (name: string) => `Chỉ tiêu mới của ${name}`, en: (name) => `New target of ${name}` },
  conflictLine: {
    vi: (unit: string, yours: string, current: string, on: string | null) =>
      `${unit}: bạn nhập ${yours}, hiện là ${current}${on ? ` (giao ngày ${on})` : ""}.`,
    en: (unit, yours, current, on) =>
      `${unit}: you entered ${yours}, it is now ${current}${on ? ` (assigned on ${on})` : ""}.`,
  },
});
