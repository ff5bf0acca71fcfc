import { Button } from "@/components/ui/button";
import { useEntryWords } from "./entry-words";

/** Warnings to look at before saving; none of them blocks the save. */
export function ConfirmWarnings(props: { warnings: string[] | null; onSave: () => void; onReview: () => void }) {
  const w = useEntryWords();
  if (!props.warnings) return null;
  return (
    <section
      role="alertdialog"
      aria-labelledby="confirm-heading"
      className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
    >
      <h2 id="confirm-heading" className="mb-2 font-semibold">
        {w.checkFirst(props.warnings.length)}
      </h2>
      <ul className="mb-3 list-disc pl-5">
        {props.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button variant="primary" onClick={props.onSave}>
          {w.saveAnyway}
        </Button>
        <Button onClick={props.onReview}>{w.review}</Button>
      </div>
    </section>
  );
}
