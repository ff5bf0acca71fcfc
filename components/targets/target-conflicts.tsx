import { Button } from "@/components/ui/button";
import { formatsFor, type Locale } from "@/lib/i18n/locale";
import type { StaffMessages } from "@/lib/i18n/staff-messages";
import type { TargetConflict } from "@/lib/targets/assign-targets";

/** Targets someone assigned after the user read them; nothing was written. */
export function TargetConflicts({
  conflicts,
  onReload,
  t,
  locale,
}: {
  conflicts: TargetConflict[];
  onReload: () => void;
  t: StaffMessages["targets"];
  locale: Locale;
}) {
  if (conflicts.length === 0) return null;
  const f = formatsFor(locale);
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{t.conflicts}</p>
      <ul className="list-disc pl-6">
        {conflicts.map((c) => (
          <li key={c.unit}>
            {t.conflictLine(
              c.unitName,
              f.count(c.yours),
              c.current === null ? t.none : f.count(c.current),
              c.assignedOn ? f.date(c.assignedOn) : null,
            )}
          </li>
        ))}
      </ul>
      <Button variant="link" className="mt-2" onClick={onReload}>
        {t.reload}
      </Button>
    </div>
  );
}
