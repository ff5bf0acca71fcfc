import { Button } from "@/components/ui/button";
import type { FigureConflict } from "@/lib/entry/save-figures";
import { formatsFor } from "@/lib/i18n/locale";
import { useEntryWords } from "./entry-words";

/** Figures someone else saved after the user read them: both values, and a choice for each. */
export function FigureConflicts(props: {
  conflicts: FigureConflict[];
  indicatorName: (code: string) => string | undefined;
  onResolve: (conflict: FigureConflict, keepMine: boolean) => void;
}) {
  const w = useEntryWords();
  if (props.conflicts.length === 0) return null;
  return (
    <section
      aria-labelledby="conflicts-heading"
      className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
    >
      <h2 id="conflicts-heading" className="mb-2 font-semibold">
        {w.conflicts}
      </h2>
      <ul className="flex flex-col gap-2">
        {props.conflicts.map((c) => (
          <li key={`${c.unit}:${c.indicator}`} className="flex flex-wrap items-center gap-2">
            <span>
              {c.unitName} – {props.indicatorName(c.indicator)}
              {w.conflictLine(
                formatsFor(w.locale).count(c.yours),
                c.current === null ? w.empty : formatsFor(w.locale).count(c.current),
                c.changedBy ? w.changedBy(c.changedBy, formatsFor(w.locale).moment(c.changedAt as string)) : null,
              )}
            </span>
            <Button size="sm" onClick={() => props.onResolve(c, false)}>
              {w.useCurrent}
            </Button>
            <Button size="sm" onClick={() => props.onResolve(c, true)}>
              {w.keepMine}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
