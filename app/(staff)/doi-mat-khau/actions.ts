"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { CHANGE_PASSWORD_PATH, currentSession } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { serverActionStarted } from "@/lib/http/server-action-guard";
import { clientAddress } from "@/lib/limits/client-address";

export type ChangePasswordState = { error: string | null; field: string | null };

export async function changePasswordAction(
  _previous: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  serverActionStarted();
  // Checked here, not only by the page: an action can be called without loading the page.
  const signedIn = await currentSession();
  if (!signedIn) redirect(`/dang-nhap?next=${CHANGE_PASSWORD_PATH}`);
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 500);
  try {
    await changeOwnPassword(db(), signedIn.actor, {
      current: text("current"),
      next: text("next"),
      confirm: text("confirm"),
      address: clientAddress(await headers()),
      keepSessionId: signedIn.sessionId,
    });
  } catch (error) {
    if (error instanceof InvalidParamError) return { error: error.message, field: error.param };
    throw error;
  }
  redirect(safeRedirectPath(form.get("then"), "/nhap-lieu"));
}
