import { Button } from "@/components/ui/button";

/** Warnings to look at before saving; none of them blocks the save. */
export function ConfirmWarnings(props: { warnings: string[] | null; onSave: () => void; onReview: () => void }) {
  if (!props.warnings) return null;
  return (
    <section
      role="alertdialog"
      aria-labelledby="confirm-heading"
      className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
    >
      <h2 id="confirm-heading" className="mb-2 font-semibold">
        Kiểm tra lại trước khi lưu ({props.warnings.length} cảnh báo)
      </h2>
      <ul className="mb-3 list-disc pl-5">
        {props.warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button variant="primary" onClick={props.onSave}>
          Vẫn lưu
        </Button>
        <Button onClick={props.onReview}>Xem lại</Button>
      </div>
    </section>
  );
}
