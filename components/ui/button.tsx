import type { ButtonHTMLAttributes } from "react";

/**
 * The looks of the product's buttons. Boxed ones share a border (transparent where filled),
 * so all of them stand as tall as a field beside them; `link` and `remove` read as text.
 */
const VARIANT = {
  primary: "rounded border border-transparent bg-brand-700 font-semibold text-white not-disabled:hover:bg-brand-800",
  approve:
    "rounded border border-transparent bg-emerald-700 font-semibold text-white not-disabled:hover:bg-emerald-800",
  secondary: "rounded border border-slate-400 bg-white not-disabled:hover:bg-slate-100",
  link: "font-semibold text-brand-700 underline",
  remove: "text-red-700 underline",
} as const;
const SIZE = { sm: "px-2 py-1 text-xs", md: "px-3 py-1.5", lg: "px-4 py-2" } as const;

export type ButtonVariant = keyof typeof VARIANT;
export type ButtonSize = keyof typeof SIZE;
type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/**
 * The classes of a button, for a link that looks like one (a choice among pages, say).
 * Text-like variants take no size: they sit in a line of text.
 */
export function buttonClass({ variant = "secondary", size = "md", className = "" }: Look = {}): string {
  const box = variant === "link" || variant === "remove" ? "" : SIZE[size];
  // A focus ring in the page's dark text colour, offset so it shows on filled (red, green) buttons too.
  const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";
  return `disabled:opacity-60 ${focus} ${VARIANT[variant]} ${box} ${className}`.trim();
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & Look;

/**
 * The product's button: type="button" unless it submits a form, dimmed while disabled.
 * It needs no JavaScript of its own, so server components use it as they are.
 */
export function Button({ variant, size, className, type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...rest} />;
}
