import type { InputHTMLAttributes, ReactNode } from "react";
import { TYPED_DATE_PATTERN, typedDateText } from "@/lib/format/dates";
import { Field } from "./field";

type DateFieldProps = {
  name?: string;
  label: ReactNode;
  /** The date shown at first, YYYY-MM-DD (shown as dd/mm/yyyy). */
  defaultValue?: string | null;
  hint?: ReactNode;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "size" | "className" | "defaultValue" | "pattern">;

/**
 * A date box that reads and shows dd/mm/yyyy whatever the browser's language (a browser's
 * own date input follows its locale: 12/07/2026 in an American one). It sends the text as
 * typed; the server reads it with parseTypedDate (yyyy-mm-dd is accepted too).
 */
export function DateField({ name, label, defaultValue, hint, className, ...input }: DateFieldProps) {
  return (
    <Field
      {...input}
      label={label}
      hint={hint}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      pattern={TYPED_DATE_PATTERN}
      title="dd/mm/yyyy"
      {...(input.value === undefined ? { defaultValue: typedDateText(defaultValue) } : {})}
      className={className}
      controlClassName="w-32 tabular-nums"
    />
  );
}
