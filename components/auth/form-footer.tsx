import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/notice";

/** The end of a sign-in style form: what went wrong, if anything, and the submit button. */
export function FormFooter({
  error,
  pending,
  label,
  pendingLabel,
}: {
  error: string | null;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      <FormError error={error} />
      <Button type="submit" variant="primary" size="lg" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </>
  );
}
