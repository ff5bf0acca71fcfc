import { phrases, plain } from "../phrase";
import secondFactorJson from "./second-factor.json";

// Two-step sign-in: the code step of the sign-in page and the set-up page (/xac-thuc-hai-buoc).
export const SECOND_FACTOR = phrases({
  ...plain(secondFactorJson),
  recoveryCount: {
    vi: (n: number) => `${n} mã`,
    en: (n: number) => (n === 1 ? "1 code" : `${n} codes`),
  },
});
