"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { controlClass } from "./field";

export type UnitOption = { code: string; name: string; level: string; parent: string | null };

type Props = {
  label: ReactNode;
  /** The form field that carries the chosen unit's code. */
  name: string;
  defaultValue?: string;
  required?: boolean;
  /** Finds units by name (without diacritics too) or code, within the user's scope: a server action. */
  search: (query: string) => Promise<{ ok: true; value: UnitOption[] } | { ok: false }>;
  labels: { hint: string; noMatch: string; levels: Record<string, string> };
  className?: string;
  controlClassName?: string;
};

/**
 * A unit field that finds units as the user types their name ("ha noi" finds "Hà Nội"),
 * showing each one's level and parent; arrows, Enter and Escape work as in any combobox.
 * The form receives the code. Without JavaScript (before hydration) it is a plain text field
 * for the code, so a plain GET or POST form still works.
 */
export function UnitPicker({
  label,
  name,
  defaultValue = "",
  required,
  search,
  labels,
  className = "",
  controlClassName = "",
}: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [enhanced, setEnhanced] = useState(false);
  const [text, setText] = useState(defaultValue);
  const [code, setCode] = useState(defaultValue);
  const [options, setOptions] = useState<UnitOption[] | null>(null);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);
  useEffect(() => setEnhanced(true), []);

  // Typed text stays the value until a unit is chosen, so a code typed in full still works.
  function type(value: string) {
    setText(value);
    setCode(value.trim());
    const ticket = ++asked.current;
    if (value.trim().length < 2) {
      setOptions(null);
      return;
    }
    setTimeout(async () => {
      if (ticket !== asked.current) return;
      const result = await search(value).catch(() => ({ ok: false as const }));
      if (ticket !== asked.current) return;
      setOptions(result.ok ? result.value : []);
      setActive(-1);
    }, 200);
  }

  function choose(option: UnitOption) {
    asked.current++;
    setText(`${option.name} (${option.code})`);
    setCode(option.code);
    setOptions(null);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!options?.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((old) => (old + step + options.length) % options.length);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      choose(options[active] as UnitOption);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOptions(null);
    }
  }

  const look = controlClass("md", controlClassName);
  return (
    <div className={`relative flex min-w-0 max-w-full flex-col gap-1 text-sm ${className}`}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {enhanced ? (
        <>
          <input
            id={id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={Boolean(options)}
            aria-controls={options ? listId : undefined}
            aria-describedby={hintId}
            aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
            required={required}
            value={text}
            onChange={(e) => type(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOptions(null), 150)}
            className={look}
          />
          <input type="hidden" name={name} value={code} />
        </>
      ) : (
        <input
          id={id}
          name={name}
          defaultValue={defaultValue}
          required={required}
          aria-describedby={hintId}
          className={look}
        />
      )}
      <span id={hintId} className="text-xs font-normal text-slate-600">
        {labels.hint}
      </span>
      {enhanced && options ? (
        <div
          id={listId}
          role="listbox"
          aria-label={typeof label === "string" ? label : undefined}
          className="absolute top-full left-0 z-20 mt-1 max-h-72 w-full min-w-64 overflow-y-auto rounded border border-slate-300 bg-white shadow-lg"
        >
          {options.length === 0 ? (
            <p className="p-2 text-slate-600">{labels.noMatch}</p>
          ) : (
            options.map((o, i) => (
              <div
                key={o.code}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                className={`cursor-pointer border-b border-slate-100 p-2 ${i === active ? "bg-brand-50" : "hover:bg-slate-50"}`}
              >
                <span className="font-semibold">{o.name}</span> <span className="text-slate-500">({o.code})</span>
                <br />
                <span className="text-xs text-slate-600">
                  {labels.levels[o.level] ?? o.level}
                  {o.parent ? ` · ${o.parent}` : ""}
                </span>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
