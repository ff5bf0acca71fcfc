import { forbidden, notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { auth } from "./auth";
import { toActor } from "./users";

/** The signed-in user, re-read from the database: null when signed out, disabled or their session version moved on. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session?.actorId) return null;
  const user = await db().appUser.findUnique({ where: { id: session.actorId } });
  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) return null;
  return toActor(user);
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back to
 * `path` with the page's query (`params`, as the page received them).
 */
export async function requireActorForPage(
  path: string,
  params: Record<string, string | string[] | undefined> = {},
): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const query = new URLSearchParams(
      Object.entries(params).filter(([, v]) => typeof v === "string" && v !== "") as [string, string][],
    );
    redirect(`/dang-nhap?next=${encodeURIComponent(query.size ? `${path}?${query}` : path)}`);
  }
  return actor;
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

/** For route handlers and server actions: the signed-in user, or UnauthenticatedError (401). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
