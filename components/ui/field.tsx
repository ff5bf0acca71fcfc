import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from "react";

type ControlSize = "md" | "lg";

const CONTROL = {
  md: "px-2 py-1.5",
  // Sign-in style forms: larger, and 16px text so phones do not zoom in on focus.
  lg: "px-3 py-2 text-base",
} as const;

/**
 * The look of every text field and select: one border, marked red while aria-invalid,
 * grey while disabled. For a control whose label is not beside it (a table cell's input).
 */
export function controlClass(size: ControlSize = "md", className = ""): string {
  return `max-w-full rounded border border-slate-400 bg-white font-normal disabled:bg-slate-100 aria-invalid:border-red-600 ${CONTROL[size]} ${className}`.trim();
}

type Frame = {
  label: ReactNode;
  /** A line under the control that says what to type; screen readers read it with the control. */
  hint?: ReactNode;
  size?: ControlSize;
  /** The label beside the control instead of above it. */
  inline?: boolean;
  /** On the label: its width and place in the form (the control fills the label). */
  className?: string;
  /** On the control itself, beside the shared look (text alignment, say). */
  controlClassName?: string;
};

/**
 * A label with its control inside, so clicking the words focuses the control and they
 * name it; the hint, if any, follows below and describes it (aria-describedby).
 */
function Labelled({
  frame,
  id,
  control,
}: {
  frame: Frame;
  /** The control's id, given by the caller's own or by useId. */
  id: string;
  control: (look: { id: string; className: string; "aria-describedby"?: string }) => ReactNode;
}) {
  const { label, hint, size, inline, className = "", controlClassName } = frame;
  const hintId = `${id}-hint`;
  const layout = inline ? "flex items-center gap-2" : "flex min-w-0 max-w-full flex-col gap-1";
  const labelled = (
    <label htmlFor={id} className={`${layout} text-sm font-semibold ${hint ? "" : className}`}>
      {label}
      {control({
        id,
        className: controlClass(size, controlClassName),
        ...(hint ? { "aria-describedby": hintId } : {}),
      })}
    </label>
  );
  if (!hint) return labelled;
  return (
    <div className={`space-y-1 ${className}`}>
      {labelled}
      <p id={hintId} className="text-sm text-slate-600">
        {hint}
      </p>
    </div>
  );
}

type FieldProps = Frame & Omit<InputHTMLAttributes<HTMLInputElement>, "size" | "className">;

/** A labelled text field (or date, email, password, file…), as every form of the product shows it. */
export function Field({ label, hint, size, inline, className, controlClassName, ...input }: FieldProps) {
  const id = useId();
  return (
    <Labelled
      id={input.id ?? id}
      frame={{ label, hint, size, inline, className, controlClassName }}
      control={(look) => <input {...input} {...look} />}
    />
  );
}

type SelectProps = Frame & Omit<SelectHTMLAttributes<HTMLSelectElement>, "size" | "className">;

/** A labelled select, styled as the text fields are; the options are its children. */
export function Select({ label, hint, size, inline, className, controlClassName, children, ...select }: SelectProps) {
  const id = useId();
  return (
    <Labelled
      id={select.id ?? id}
      frame={{ label, hint, size, inline, className, controlClassName }}
      control={(look) => (
        <select {...select} {...look}>
          {children}
        </select>
      )}
    />
  );
}
