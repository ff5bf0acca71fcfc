import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { ActionResult } from "@/lib/actions/action-result";
import { requireActor } from "@/lib/auth/current-user";
import { answerOf } from "@/lib/errors";
import { serverActionStarted } from "@/lib/http/server-action-guard";

/**
 * Runs a server action for the signed-in user: the actor is checked here (an action can be
 * called without loading its page) and the service authorizes every unit it touches. The
 * product's own errors come back as results; anything else is a bug and stays a 500.
 */
export async function runAction<T>(
  run: (actor: Actor) => Promise<T>,
  statusOf: (value: T) => number = () => 200,
): Promise<ActionResult<T>> {
  serverActionStarted();
  try {
    const actor = await requireActor();
    const value = await run(actor);
    return { ok: true, status: statusOf(value), value };
  } catch (error) {
    const answer = answerOf(error);
    if (!answer) throw error;
    return {
      ok: false,
      status: answer.status,
      error:
        answer.param === undefined
          ? { code: answer.code, message: answer.message }
          : { code: answer.code, param: answer.param, message: answer.message },
    };
  }
}

export type { ActionResult };
