"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession, SECOND_FACTOR_PATH } from "@/lib/auth/current-user";
import { confirmSecondFactor, turnOffSecondFactor, WRONG_ENROL_CODE } from "@/lib/auth/enrol-second-factor";
import { db } from "@/lib/db/client";
import { InvalidParamError } from "@/lib/errors";
import { serverActionStarted } from "@/lib/http/server-action-guard";
import { clientAddress } from "@/lib/limits/client-address";

/** `recoveryCodes` only in the answer that turned the second factor on: they are shown once. */
/** `wrongCode`: the refusal was a wrong code, which the page words in its own language. */
export type SecondFactorState = {
  error: string | null;
  recoveryCodes: string[] | null;
  turnedOff?: boolean;
  wrongCode?: boolean;
};

async function signedInForSetup() {
  // Checked here, not only by the page: an action can be called without loading the page.
  const signedIn = await currentSession();
  if (!signedIn) redirect(`/dang-nhap?next=${SECOND_FACTOR_PATH}`);
  // A second factor set up with a password someone else gave is not the user's own.
  if (signedIn.mustChangePassword) redirect(`/doi-mat-khau?next=${SECOND_FACTOR_PATH}`);
  return signedIn;
}

/** Runs one step of the set-up with the code typed on the form; a refusal is told on the page. */
async function withCode(
  form: FormData,
  step: (signedIn: Awaited<ReturnType<typeof signedInForSetup>>, code: string) => Promise<SecondFactorState>,
): Promise<SecondFactorState> {
  serverActionStarted();
  const signedIn = await signedInForSetup();
  try {
    return await step(signedIn, String(form.get("code") ?? "").slice(0, 50));
  } catch (error) {
    if (error instanceof InvalidParamError)
      return { error: error.message, recoveryCodes: null, wrongCode: error.message === WRONG_ENROL_CODE };
    throw error;
  }
}

export async function confirmSecondFactorAction(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  return withCode(form, async (signedIn, code) => {
    const { recoveryCodes } = await confirmSecondFactor(db(), signedIn.actor, {
      code,
      keepSessionId: signedIn.sessionId,
    });
    return { error: null, recoveryCodes };
  });
}

export async function turnOffSecondFactorAction(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  return withCode(form, async (signedIn, code) => {
    await turnOffSecondFactor(db(), signedIn.actor, { code, address: clientAddress(await headers()) });
    return { error: null, recoveryCodes: null, turnedOff: true };
  });
}
