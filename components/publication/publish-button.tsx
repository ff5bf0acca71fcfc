"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The publish form's button: says it is working while the rankings are computed (a few seconds). */
export function PublishButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="primary" disabled={pending} aria-busy={pending}>
      {pending ? busyLabel : label}
    </Button>
  );
}
