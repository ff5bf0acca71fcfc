import type { ButtonHTMLAttributes } from "react";

const VARIANT = {
  primary: "bg-brand-700 font-semibold text-white",
  approve: "bg-emerald-700 font-semibold text-white",
  secondary: "border border-slate-400 bg-white",
} as const;
const SIZE = { md: "px-3 py-1.5", lg: "px-4 py-2", sm: "px-2 py-0.5 text-xs" } as const;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANT; size?: keyof typeof SIZE };

/** The product's button: type="button" unless it submits a form, dimmed while disabled. */
export function Button({ variant = "secondary", size = "md", className = "", type = "button", ...rest }: Props) {
  return (
    <button
      type={type}
      className={`rounded disabled:opacity-60 ${VARIANT[variant]} ${SIZE[size]} ${className}`}
      {...rest}
    />
  );
}
