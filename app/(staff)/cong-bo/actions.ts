"use server";

import { redirect } from "next/navigation";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { reportDueSettings } from "@/lib/env";
import { setFlash } from "@/lib/http/flash";
import { publishEdition } from "@/lib/publication/publish-edition";

/**
 * The publish button, a plain form (with or without JavaScript): the service checks that the
 * user is a ministry admin, publishes (or says nothing changed), and the page shows the answer.
 */
export async function publishFormAction(form: FormData): Promise<void> {
  const field = (name: string) => String(form.get(name) ?? "").slice(0, 100);
  const result = await runAction((actor) =>
    publishEdition(db(), actor, { requestId: field("requestId"), week: field("week") }, reportDueSettings()),
  );
  await setFlash(
    result.ok
      ? { kind: result.value.created ? "ok" : "warn", text: result.value.message }
      : { kind: "error", text: result.error.message },
    "/cong-bo",
  );
  redirect("/cong-bo");
}
