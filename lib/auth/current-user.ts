import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { auth } from "./auth";
import { sessionUser } from "./sessions";
import { secondFactorRequired } from "./totp";
import { toActor } from "./users";

/**
 * The signed-in user, re-read from the database with their session: null when signed out
 * (the session revoked), expired, disabled or their session version moved on.
 */
export async function currentActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null;
}

/**
 * The signed-in user with their session's id and whether they must first replace a given
 * password. Read once per request (React's cache): a page, its layout and its data functions
 * share one session check.
 */
export const currentSession = cache(
  async (): Promise<{
    actor: Actor;
    sessionId: string;
    mustChangePassword: boolean;
    /** The role requires a second factor and the user has none yet. */
    mustEnrolSecondFactor: boolean;
  } | null> => {
    const session = await auth();
    if (!session?.actorId || !session.sessionId || session.sessionVersion === undefined) return null;
    const user = await sessionUser(db(), {
      id: session.sessionId,
      userId: session.actorId,
      sessionVersion: session.sessionVersion,
    });
    return user
      ? {
          actor: toActor(user),
          sessionId: session.sessionId,
          mustChangePassword: user.mustChangePassword,
          mustEnrolSecondFactor: !user.totpSecret && secondFactorRequired(user.role),
        }
      : null;
  },
);

/** Where a user with a password given by someone else is sent, whatever they asked for. */
export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

/** Where a user whose role requires a second factor sets one up before anything else. */
export const SECOND_FACTOR_PATH = "/xac-thuc-hai-buoc";

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back to
 * `path` with the page's query (`params`, as the page received them).
 */
export async function requireActorForPage(
  path: string,
  params: Record<string, string | string[] | undefined> = {},
): Promise<Actor> {
  const signedIn = await currentSession();
  const query = new URLSearchParams(
    Object.entries(params).filter(([, v]) => typeof v === "string" && v !== "") as [string, string][],
  );
  const back = encodeURIComponent(query.size ? `${path}?${query}` : path);
  if (!signedIn) redirect(`/dang-nhap?next=${back}`);
  if (signedIn.mustChangePassword && path !== CHANGE_PASSWORD_PATH) redirect(`${CHANGE_PASSWORD_PATH}?next=${back}`);
  // After the password: a second factor set up with a password someone else knows is not the user's own.
  if (!signedIn.mustChangePassword && signedIn.mustEnrolSecondFactor && path !== SECOND_FACTOR_PATH)
    redirect(`${SECOND_FACTOR_PATH}?next=${back}`);
  return signedIn.actor;
}

/** Runs a page's data function: a refusal shows the 403 page, something missing the 404 page. */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * For route handlers and server actions: the signed-in user, or UnauthenticatedError (401);
 * ForbiddenError (403) while the user still has a password someone else gave them.
 */
export async function requireActor(): Promise<Actor> {
  const signedIn = await currentSession();
  if (!signedIn) throw new UnauthenticatedError();
  if (signedIn.mustChangePassword)
    throw new ForbiddenError(
      `Tài khoản ${signedIn.actor.username} đang dùng mật khẩu được cấp: đổi mật khẩu tại ${CHANGE_PASSWORD_PATH} trước khi tiếp tục.`,
    );
  if (signedIn.mustEnrolSecondFactor)
    throw new ForbiddenError(
      `Tài khoản ${signedIn.actor.username} phải bật xác thực hai bước tại ${SECOND_FACTOR_PATH} trước khi tiếp tục.`,
    );
  return signedIn.actor;
}
